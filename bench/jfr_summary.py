#!/usr/bin/env python3
"""Where the CPU went in a Java Flight Recording (from BENCH_JFR=file bench/home_timeline.sh).

Counts jdk.ExecutionSample events (threads running Java code) plus the jdk.NativeMethodSample events whose top frame
is SQLite's native library (queries in C); other native samples are threads waiting (sockets, epoll) and are left
out. A recording made with BENCH_JFR_CPU=1 holds jdk.CPUTimeSample events instead (every thread sampled by the CPU
time it uses, kernel time included), and those are counted, all of them: the truer measure, since a native sample
is taken whether the thread runs or waits for a core. Prints the share of samples by the package of the top frame ("self"), by the top method, and by
where the request was in Starling's code ("inclusive": the nearest social.starling frame below, and the layer).

The recording starts with the server, so it holds the warm-up too (the JIT compiling, caches filling: every token
and account loaded for the first time). BENCH_JFR_LAST=SECONDS keeps only the samples of the recording's last
SECONDS, the measured run (BENCH_SECONDS plus the 2 s the scripts add).

Usage: [BENCH_JFR_LAST=seconds] bench/jfr_summary.py recording.jfr [top-n]
"""
import collections
import datetime
import json
import os
import subprocess
import sys


def frames_of(event):
    return [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
            for f in (event["values"]["stackTrace"] or {}).get("frames", [])]


def load(path):
    java_home = os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64")
    out = subprocess.run([java_home + "/bin/jfr", "print", "--json", "--stack-depth", "64", "--events",
                          "jdk.ExecutionSample,jdk.NativeMethodSample,jdk.CPUTimeSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    if any(e["type"] == "jdk.CPUTimeSample" for e in events):
        events = [e for e in events if e["type"] == "jdk.CPUTimeSample"]
    last = float(os.environ.get("BENCH_JFR_LAST", "0"))
    if last > 0 and events:
        times = [datetime.datetime.fromisoformat(e["values"]["startTime"]) for e in events]
        since = max(times) - datetime.timedelta(seconds=last)
        events = [e for e, t in zip(events, times) if t >= since]
    samples = []
    for e in events:
        frames = frames_of(e)
        if not frames:
            continue
        if e["type"] == "jdk.NativeMethodSample" and not frames[0].startswith("org.sqlite."):
            continue
        samples.append(frames)
    return samples


def package(frame):
    cls = frame.rsplit(".", 1)[0]
    parts = cls.split(".")
    for depth, prefix in ((4, "social.starling."), (3, "org.eclipse.jetty."), (3, "com.fasterxml.jackson."),
                          (2, "org.jooq."), (2, "org.sqlite."), (2, "java."), (2, "jdk."), (2, "sun.")):
        if cls.startswith(prefix):
            return ".".join(parts[:depth])
    return ".".join(parts[:3])


LAYERS = [
    ("SQLite native (queries in C)", lambda f: f[0].startswith("org.sqlite.core.NativeDB")),
    ("gzip (compressing answers)", lambda f: f[0].startswith("java.util.zip")),
    ("socket reads and writes (with CPU-time samples: the kernel's share)", lambda f: f[0].startswith("sun.nio.ch")),
    ("JSON rendering (Jackson)", lambda f: any(x.startswith("com.fasterxml.jackson") for x in f[:12])
        and any("JavalinJackson" in x or "ObjectMapper.write" in x for x in f)),
    ("jOOQ (rendering SQL, binding, mapping records)", lambda f: f[0].startswith("org.jooq")
        or any(x.startswith("org.jooq") for x in f[:6])),
    ("JDBC drivers (Java side)", lambda f: f[0].startswith(("org.sqlite", "org.postgresql", "com.zaxxer"))),
    ("jsoup (HTML to text)", lambda f: any(x.startswith("org.jsoup") for x in f[:20])),
    ("Jetty / Javalin (HTTP)", lambda f: f[0].startswith(("org.eclipse.jetty", "io.javalin"))),
    ("Starling code", lambda f: f[0].startswith("social.starling")),
    ("GC, JIT and other JVM threads", lambda f: not any(x.startswith(("social.starling", "io.javalin",
                                                                          "org.eclipse.jetty")) for x in f)),
]


def layer(frames):
    for name, test in LAYERS:
        if test(frames):
            return name
    return "other library code on request threads"


def table(title, counter, total, n):
    print(f"\n{title}")
    for key, count in counter.most_common(n):
        print(f"  {100.0 * count / total:5.1f}%  {key}")


def main():
    path = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    samples = load(path)
    total = len(samples)
    if total == 0:
        print("no samples")
        return
    print(f"{total} samples (CPU-time samples, or Java execution samples plus SQLite native samples)")
    table("By layer (first match from the top of the stack)", collections.Counter(layer(f) for f in samples),
          total, n)
    table("Self, by package of the top frame", collections.Counter(package(f[0]) for f in samples), total, n)
    table("Self, by top method", collections.Counter(f[0] for f in samples), total, n)
    inclusive = collections.Counter()
    for f in samples:
        seen = set()
        for x in f:
            if x.startswith("social.starling.") and x not in seen:
                seen.add(x)
                inclusive[x] += 1
    table("Inclusive, Starling methods on the stack", inclusive, total, n)


if __name__ == "__main__":
    main()
