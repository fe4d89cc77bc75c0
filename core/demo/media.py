"""Small media files made here for the demo: the anthem's audio and sheet, emblems."""

import io
import math
import struct
import wave

from django.utils.text import slugify
from PIL import Image, ImageDraw

NAVY, BLUE, GOLD, WHITE = (11, 42, 74), (31, 90, 166), (201, 162, 39), (255, 255, 255)

# A short placeholder melody (not the real anthem): (MIDI note, beats).
MELODY = [
    (67, 1),
    (72, 1),
    (72, 1.5),
    (74, 0.5),
    (76, 1),
    (72, 1),
    (79, 2),
    (77, 1),
    (76, 1),
    (74, 1),
    (72, 1),
    (74, 3),
    (0, 1),
]


def slug(text):
    return slugify(text) or "file"


def anthem_wav(rate=16000, tempo=96):
    """Return a short WAV melody standing in for the anthem recording."""
    frames = bytearray()
    beat = 60 / tempo
    for note, beats in MELODY:
        length = int(rate * beat * beats)
        freq = 440 * 2 ** ((note - 69) / 12) if note else 0
        for i in range(length):
            envelope = min(1, i / 400, (length - i) / 800)
            sample = 0.35 * envelope * math.sin(2 * math.pi * freq * i / rate) if freq else 0
            frames += struct.pack("<h", int(sample * 32767))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))
    return buffer.getvalue()


def music_sheet_pdf():
    """Return a one-page PDF with a stave and the placeholder melody's notes."""
    page = Image.new("RGB", (1240, 1754), WHITE)
    draw = ImageDraw.Draw(page)
    draw.text((520, 120), "COMRADES ALL", fill=NAVY)
    draw.text((470, 160), "Anthem of the CIOR (placeholder sheet)", fill=NAVY)
    for stave in range(6):
        top = 300 + stave * 220
        for line in range(5):
            y = top + line * 18
            draw.line((120, y, 1120, y), fill=(0, 0, 0), width=2)
        x = 200
        for note, beats in MELODY:
            if note:
                y = top + 72 - (note - 64) * 9 + stave % 2 * 4
                draw.ellipse((x, y - 8, x + 20, y + 8), fill=(0, 0, 0))
                draw.line((x + 19, y, x + 19, y - 60), fill=(0, 0, 0), width=2)
            x += int(70 * beats)
            if x > 1080:
                break
        draw.line((1120, top, 1120, top + 72), fill=(0, 0, 0), width=3)
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=150)
    return buffer.getvalue()


def _star(draw, cx, cy, outer, inner, fill):
    points = []
    for i in range(10):
        angle = -math.pi / 2 + i * math.pi / 5
        radius = outer if i % 2 == 0 else inner
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(points, fill=fill)


def _png(image):
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def coat_of_arms_png(size=800):
    """Return a drawing of a shield standing in for the coat of arms."""
    image = Image.new("RGB", (size, size), (245, 247, 250))
    draw = ImageDraw.Draw(image)
    c = size / 2
    shield = [(c - 260, 120), (c + 260, 120), (c + 260, 400), (c, 700), (c - 260, 400)]
    draw.polygon(shield, fill=GOLD)
    inner = [(c - 230, 150), (c + 230, 150), (c + 230, 395), (c, 660), (c - 230, 395)]
    draw.polygon(inner, fill=NAVY)
    draw.rectangle((c - 230, 300, c + 230, 340), fill=WHITE)
    draw.rectangle((c - 20, 150, c + 20, 660), fill=WHITE)
    for dx, dy in [(-120, 220), (120, 220), (-110, 430), (110, 430)]:
        _star(draw, c + dx, dy, 40, 16, GOLD)
    return _png(image)


def medal_png(size=800):
    """Return a drawing of a medal on its ribbon standing in for the Medal of Merit."""
    image = Image.new("RGB", (size, size), (245, 247, 250))
    draw = ImageDraw.Draw(image)
    c = size / 2
    draw.polygon([(c - 120, 40), (c + 120, 40), (c + 60, 330), (c - 60, 330)], fill=BLUE)
    draw.polygon([(c - 40, 40), (c + 40, 40), (c + 15, 330), (c - 15, 330)], fill=WHITE)
    draw.ellipse((c - 210, 300, c + 210, 720), fill=GOLD)
    draw.ellipse((c - 180, 330, c + 180, 690), fill=(224, 190, 80))
    _star(draw, c, 510, 150, 60, NAVY)
    return _png(image)
