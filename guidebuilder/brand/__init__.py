"""The brand: finding and reading a brand.yml file, one module per top-level key, resolved into
the fonts, colours, logos and sizes both renderers use."""
