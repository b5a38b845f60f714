#!/usr/bin/env bash
# Regenerates the video, audio and animated GIF test fixtures in src/test/resources/media/ (used by FfmpegTest)
# from ffmpeg's synthetic lavfi sources: a test pattern (testsrc) and a sine tone. Needs ffmpeg with libx264,
# libmp3lame and libvpx (Debian's ffmpeg package has them). The files are committed; run this only to remake them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=src/test/resources/media
mkdir -p "$out"
ff=(ffmpeg -nostdin -hide_banner -loglevel error -y)
common=(-map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact)

# 1.5 s of 320x240 test pattern at 15 fps with a 440 Hz stereo tone: H.264 + AAC in MP4.
"${ff[@]}" -f lavfi -i "testsrc=size=320x240:rate=15:duration=1.5" \
  -f lavfi -i "sine=frequency=440:sample_rate=44100:duration=1.5" \
  -ac 2 -c:v libx264 -preset veryfast -crf 32 -pix_fmt yuv420p -c:a aac -b:a 48k -shortest \
  "${common[@]}" -movflags +faststart "$out/clip.mp4"

# 1.5 s of a 660 Hz mono tone as MP3.
"${ff[@]}" -f lavfi -i "sine=frequency=660:sample_rate=44100:duration=1.5" \
  -c:a libmp3lame -q:a 6 "${common[@]}" "$out/tone.mp3"

# An animated GIF: 1 s of a 64x48 test pattern at 5 fps (5 frames).
"${ff[@]}" -f lavfi -i "testsrc=size=64x48:rate=5:duration=1" "${common[@]}" "$out/animated.gif"

# 1 s of 160x120 test pattern as VP8 WebM, no audio track.
"${ff[@]}" -f lavfi -i "testsrc=size=160x120:rate=10:duration=1" \
  -c:v libvpx -b:v 100k -an "${common[@]}" "$out/silent.webm"

ls -l "$out/clip.mp4" "$out/tone.mp3" "$out/animated.gif" "$out/silent.webm"
