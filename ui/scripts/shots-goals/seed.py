#!/usr/bin/env python3
"""Seeds a data folder with goals, milestones, a pause and a year of entries using `traj`,
renders the real charts (SVG, both themes, every range) and writes seed.js for fake-ipc.js.

Usage (from ui/): scripts/shots-goals/seed.py DATA_DIR
The `traj` binary comes from $TRAJ (default ~/.cache/trajectory/target/debug/traj)."""
import json
import os
import pathlib
import random
import shutil
import subprocess
import sys
from datetime import date, timedelta

HERE = pathlib.Path(__file__).resolve().parent
TRAJ = os.environ.get("TRAJ", str(pathlib.Path.home() / ".cache/trajectory/target/debug/traj"))
DATA = pathlib.Path(sys.argv[1])
TODAY = date(2026, 11, 25)


def traj(*args, json_out=False):
    cmd = [TRAJ, "--data-dir", str(DATA), *args]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out) if json_out else out


shutil.rmtree(DATA, ignore_errors=True)
DATA.mkdir(parents=True)

GOALS = [
    dict(title="Staff engineer", here="Senior engineer on the payments team, trusted with big pieces but not yet setting direction.",
         there="Staff engineer owning the data platform: choosing the problems, not only solving them.",
         start="2025-03-01", target="2027-06-30", cadence=6, status=None, milestones=[
             ("skill", "Learned the billing domain end to end", None, "2025-04-10", "2025-04-10"),
             ("project", "Led the storage migration", None, "2025-06-01", "2025-06-20"),
             ("recognition", "Spot award for the incident review", None, None, "2025-09-05"),
             ("network", "Started the platform guild", None, "2025-11-01", "2025-11-15"),
             ("project", "Shipped the importer", None, "2026-01-10", "2026-01-20"),
             ("skill", "Kubernetes certification", None, "2026-03-15", "2026-04-02"),
             ("recognition", "Keynote at the internal summit", None, None, "2026-06-15"),
             ("project", "Data platform RFC accepted", None, "2026-08-30", "2026-09-10"),
             ("network", "Mentoring two senior engineers", None, None, "2026-11-02"),
             ("skill", "Write the architecture guide", None, "2026-12-20", None),
             ("project", "Own the data platform roadmap", None, "2027-01-15", None),
             ("promotion", "Promotion to staff", None, "2027-03-01", None),
         ]),
    dict(title="Speak at a conference", here="Comfortable presenting to my team.", there="A talk at a public conference.",
         start="2026-02-01", target="2026-12-31", cadence=8, status=None, milestones=[
             ("skill", "Storytelling workshop", None, "2026-03-01", "2026-03-15"),
             ("recognition", "Meetup talk accepted", None, "2026-05-15", "2026-06-01"),
             ("project", "CFP submitted to two conferences", None, "2026-11-15", None),
             ("custom", "Talk given", None, "2027-04-01", None),
         ]),
    dict(title="Raise to band 5", here="", there="", start="2025-09-01", target="2026-09-30", cadence=None, status="achieved",
         milestones=[
             ("recognition", "Calibration: exceeds expectations", None, "2026-02-01", "2026-02-10"),
             ("raise", "Band 5", None, "2026-04-01", "2026-04-01"),
         ]),
    dict(title="Move into management", here="Tech lead", there="Engineering manager", start="2025-05-01", target="2026-06-30",
         cadence=None, status="let_go", milestones=[
             ("skill", "Management training", None, "2025-07-01", "2025-07-20"),
         ]),
]

for g in GOALS:
    args = ["goal", "add", "--title", g["title"], "--here", g["here"], "--there", g["there"], "--start", g["start"],
            "--target", g["target"], "--json"]
    if g["cadence"]:
        args += ["--cadence", str(g["cadence"])]
    gid = traj(*args, json_out=True)["id"]
    g["id"] = gid
    for kind, title, weight, planned, achieved in g["milestones"]:
        args = ["milestone", "add", "--goal", str(gid), "--kind", kind, "--title", title, "--json"]
        if weight:
            args += ["--weight", str(weight)]
        if planned:
            args += ["--planned", planned]
        if achieved:
            args += ["--achieved", achieved]
        traj(*args, json_out=True)
    if g["status"]:
        traj("goal", "status", str(gid), g["status"])

traj("pause", "add", "--start", "2025-12-15", "--end", "2026-01-10", "--reason", "Parental leave")

rng = random.Random(7)
BODIES = [
    "Paired with Sam on the retry logic; explaining it out loud showed me two gaps.",
    "Quiet week. Mostly reviews and small fixes.",
    "Migration dry run went well; rollback took 4 minutes instead of 40.",
    "Asked my manager what separates senior from staff here.",
    "Felt stuck: three days on a flaky test. Learned the harness though.",
    "Gave the design review for the sync engine.",
]
entry_ids = []
d = TODAY - timedelta(days=400)
while d <= TODAY:
    if rng.random() < 0.45:
        mood = max(1, min(5, round(3 + rng.gauss(0.3, 0.9))))
        progress = max(1, min(5, round(3 + rng.gauss(0.2, 1.0))))
        out = traj("entry", "add", "--date", d.isoformat(), "--text", rng.choice(BODIES), "--mood", str(mood),
                   "--progress", str(progress), "--json", json_out=True)
        entry_ids.append(out["id"])
    d += timedelta(days=1)

# ---- Everything the fake IPC answers -------------------------------------------------------------
seed = {"goals": traj("goal", "list", "--json", json_out=True), "milestones": [], "summaries": {}, "charts": {},
        "velocity": traj("velocity", "--json", json_out=True),
        "paused": json.loads(traj("pause", "list", "--json")) if "--json" in traj("pause", "list", "--help") else []}
seed["milestones"] = traj("milestone", "list", "--json", json_out=True)
for g in seed["goals"]:
    s = traj("goal", "show", str(g["id"]), "--json", json_out=True)
    b = s["baseline"]
    s["baseline"] = None if b is None else {"velocity": b, "low": b * 0.8, "high": b * 1.2,
                                            "source": "expected_cadence" if g["cadence_weeks"] else "history"}
    seed["summaries"][g["id"]] = s

tmp = DATA / "charts"
tmp.mkdir()
RANGES = {"three_months": "3m", "one_year": "1y", "all": "all"}
for theme in ("light", "dark"):
    for kind in ("velocity", "mood", "heatmap"):
        for rng_name, flag in RANGES.items():
            out = tmp / f"{kind}-{flag}-{theme}.svg"
            said = traj("chart", kind, "--out", str(out), "--range", flag, "--theme", theme)
            seed["charts"][f"{kind}:{rng_name}:{theme}"] = {"svg": out.read_text(), "said": said}
    for g in seed["goals"]:
        out = tmp / f"trajectory-{g['id']}-{theme}.svg"
        said = traj("chart", "trajectory", "--goal", str(g["id"]), "--out", str(out), "--theme", theme)
        seed["charts"][f"trajectory:{g['id']}:{theme}"] = {"svg": out.read_text(), "said": said}

(HERE / "seed.js").write_text("window.__SEED__ = " + json.dumps(seed) + ";\n")
print(f"{len(seed['goals'])} goals, {len(seed['milestones'])} milestones, {len(entry_ids)} entries, "
      f"{len(seed['charts'])} charts → {HERE / 'seed.js'}")
