#!/usr/bin/env bash
# Regenerates the still-image fixtures under src/test/resources/media/ (committed; the tests do not run this).
# Needs ffmpeg (with libwebp), exiftool (Debian: libimage-exiftool-perl) and python3.
#
#   photo-exif.jpg  640x480 photo-like JPEG (a Mandelbrot with grain) with a red square in the stored top-left
#                   corner; EXIF with Make/Model, dates, GPS position and Orientation=6 (display rotated 90° CW),
#                   plus an XMP packet and a JPEG comment, all of which processing must drop
#   truncated.jpg   the first half of photo-exif.jpg
#   onemp.jpg       1280x800 (1 megapixel) photo-like JPEG, for `starling bench thumbnails`
#   image.png       400x300 RGBA PNG, the right half semi-transparent
#   image.webp      400x300 lossy WebP (VP8), opaque
#   still.gif       320x240 single-frame GIF
#   bomb.png        10000x10000 single-colour 1-bit PNG: 100 megapixels in a few KB (a decompression bomb)
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/test/resources/media
mkdir -p "$out"
ff=(ffmpeg -hide_banner -loglevel error -y)

"${ff[@]}" -f lavfi -i "mandelbrot=s=640x480:end_pts=1,format=yuv420p,noise=alls=6:allf=u,drawbox=x=0:y=0:w=64:h=64:color=red:t=fill" \
  -frames:v 1 -pix_fmt yuvj420p -q:v 5 "$out/photo-exif.jpg"
exiftool -q -overwrite_original -n \
  -Make=Starling -Model="Fixture Camera" -DateTimeOriginal="2026:12:05 10:00:00" -Software="fixture script" \
  -Orientation=6 \
  -GPSLatitudeRef=N -GPSLatitude=48.8584 -GPSLongitudeRef=E -GPSLongitude=2.2945 -GPSAltitude=35 \
  -XMP-dc:Creator="Fixture Photographer" -Comment="a JPEG comment" \
  "$out/photo-exif.jpg"
size=$(stat -c %s "$out/photo-exif.jpg")
head -c $((size / 2)) "$out/photo-exif.jpg" > "$out/truncated.jpg"

"${ff[@]}" -f lavfi -i "mandelbrot=s=1280x800:end_pts=1:start_scale=2.5,format=yuv420p,noise=alls=5:allf=u" \
  -frames:v 1 -pix_fmt yuvj420p -q:v 4 "$out/onemp.jpg"

"${ff[@]}" -f lavfi -i "testsrc2=s=400x300,format=rgba,geq=r='r(X,Y)':g='g(X,Y)':b='b(X,Y)':a='if(gt(X,199),96,255)'" \
  -frames:v 1 -pix_fmt rgba "$out/image.png"

"${ff[@]}" -f lavfi -i "mandelbrot=s=400x300:end_pts=1" -frames:v 1 -c:v libwebp -lossless 0 -quality 75 \
  "$out/image.webp"

"${ff[@]}" -f lavfi -i "testsrc=s=320x240" -frames:v 1 "$out/still.gif"

python3 - "$out/bomb.png" <<'EOF'
import struct, sys, zlib
w = h = 10000
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
row = b"\x00" + b"\xff" * (w // 8)          # filter byte + 10000 white 1-bit pixels
z = zlib.compressobj(9)
idat = b"".join(z.compress(row) for _ in range(h)) + z.flush()
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 1, 0, 0, 0, 0)) \
    + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
EOF

ls -l "$out"/{photo-exif.jpg,truncated.jpg,onemp.jpg,image.png,image.webp,still.gif,bomb.png}
