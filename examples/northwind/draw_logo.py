"""Draw the Northwind Talent example logos (run once; the PNGs are committed)."""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).parent
TEAL, CORAL, INK = (15, 110, 110), (232, 106, 76), (22, 44, 58)


def mark(size: int) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 5, fill=TEAL)
    s = size / 100
    draw.polygon([(50 * s, 14 * s), (66 * s, 62 * s), (50 * s, 54 * s), (34 * s, 62 * s)],
                 fill=(255, 255, 255))
    draw.polygon([(50 * s, 86 * s), (58 * s, 66 * s), (50 * s, 70 * s), (42 * s, 66 * s)], fill=CORAL)
    return image


def wordmark() -> Image.Image:
    height = 160
    font = ImageFont.truetype(str(HERE / "fonts" / "Carlito-Bold.ttf"), 78)
    small = ImageFont.truetype(str(HERE / "fonts" / "Carlito-Regular.ttf"), 40)
    image = Image.new("RGBA", (640, height), (0, 0, 0, 0))
    image.alpha_composite(mark(height - 20), (10, 10))
    draw = ImageDraw.Draw(image)
    draw.text((175, 18), "Northwind", font=font, fill=INK)
    draw.text((178, 100), "TALENT", font=small, fill=CORAL)
    return image


if __name__ == "__main__":
    mark(256).save(HERE / "mark.png", optimize=True)
    wordmark().save(HERE / "logo.png", optimize=True)
