"""Running builds: one guide's job, the forked render worker, batches, watch mode and atomic
output."""
