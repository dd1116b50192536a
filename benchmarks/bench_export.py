"""Per-post cost of each exporter, in process: the schedule is planned once, then written.

    python benchmarks/bench_export.py                       # every format, three schedules
    python benchmarks/bench_export.py --formats ics --cases peer --repeat 15
    python benchmarks/bench_export.py --save /tmp/before    # keep the bytes, to compare after

Prints microseconds per post (the best of --repeat runs) and a digest of each file, so that a
faster exporter can be checked to write the same bytes. Start-up and expansion are not in
these figures (bench.py measures whole commands). The machine is shared and noisy: compare
runs made one after the other, or count instructions with valgrind's callgrind.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import sys
import tempfile
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import large_calendar, one_off_posts, write_repo  # noqa: E402
from scaling import MONTH  # noqa: E402

CASES = {
    "peer": lambda: one_off_posts(10_000)[0],  # issue 22's 10,000 one-off posts
    "month": lambda: large_calendar("client-0001", **MONTH),  # one of an agency's 200
    "year": lambda: large_calendar("large", days=365, channels=10, drafts=200, observances=50),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", default="ics,md,csv,json,html")
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--save", type=Path, help="write each file here as <case>.<format>")
    args = parser.parse_args()

    from smmplan.export import ExportOptions, get
    from smmplan.pipeline import plan_one

    options = ExportOptions()
    print("| case | posts | format | µs per post | sha256 |\n|---|--:|---|--:|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for case in args.cases.split(","):
            repo = write_repo(Path(tmp) / case, {case: CASES[case]()})
            schedule = plan_one(repo / "calendars" / f"{case}.yaml", None).schedule
            assert schedule is not None, f"the {case} calendar does not plan"
            posts = len(schedule.posts)
            for name in args.formats.split(","):
                write = get(name).write
                data = write(schedule, options)  # templates compiled, imports made
                number = max(1, 2000 // posts)
                runs = timeit.repeat(
                    functools.partial(write, schedule, options), number=number, repeat=args.repeat
                )
                micros = 1e6 * min(runs) / number / posts
                digest = hashlib.sha256(data).hexdigest()[:12]
                print(f"| {case} | {posts} | {name} | {micros:.2f} | {digest} |")
                if args.save:
                    args.save.mkdir(parents=True, exist_ok=True)
                    (args.save / f"{case}.{name}").write_bytes(data)


if __name__ == "__main__":
    main()
