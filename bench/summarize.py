"""Turns bench.sh's raw timings (JSON on standard input) into bench/results.json and a table with
the goal beside each figure. Exits 1 when a goal is missed, so the miss is loud."""
import datetime, json, statistics, sys

raw = json.load(sys.stdin)
med = lambda key: statistics.median(int(x) for x in raw[key].split())
results = {
    "check_vs_cmark": round(med("check_us") / med("cmark_us"), 2),
    "list_vs_sybil_speedup": round(med("sybil_us") / med("list_us"), 2),
    "growth_10x": round(med("x10_us") / med("x1_us"), 2),
    "run_quickstart_wall_s": round(med("run_us") / 1e6, 3),
    "run_vs_check_quickstart": round(med("run_us") / med("check1_us"), 2),
    # run alone (the mock in its own process): what the 19 MB body adds to run's peak RSS, over the
    # body; the 2 kB article's peak is run's start-up and fixed working memory, left out.
    "rss_over_payload_run": round((raw["rss_run_big_kb"] - raw["rss_run_tiny_kb"]) * 1024 / raw["payload"], 2),
    # Informational: the whole peak RSS of run with the embedded mock (both copies, both start-ups).
    "rss_over_payload_run_embedded": round(raw["rss_run_embedded_kb"] * 1024 / raw["payload"], 2),
    "rss_over_payload_mock": round(raw["rss_mock_kb"] * 1024 / raw["payload"], 2),
    "mock_rps_text": round(raw["rps_text"]),
    "mock_rps_audio": round(raw["rps_audio"]),
    "mock_p50_ms_text": raw["p50_text"], "mock_p99_ms_text": raw["p99_text"],
    "mock_p50_ms_audio": raw["p50_audio"], "mock_p99_ms_audio": raw["p99_audio"],
    "mock_errors": raw["err_text"] + raw["err_audio"],
    "mock_requests": raw["total_text"] + raw["total_audio"],
    "mock_rss_growth_mb": round((raw["after_kb"] - raw["warm_kb"]) / 1024, 1),
    "markdown_files": raw["md_files"],
    # Informational: check of a generated 50 MB page (CPU seconds, and peak RSS over the page).
    "big_page_check_cpu_s": raw.get("big_page_cpu_s"),
    "big_page_rss_over_page": round(raw["big_page_kb"] * 1024 / raw["big_page_bytes"], 2) if "big_page_kb" in raw else None,
    "machine": raw["machine"],
    "date": datetime.date.today().isoformat(),
    "commit": raw["commit"],
}
goals = [
    ("check_vs_cmark", "check of 250 files ÷ cmark", "≤ 1.5×", lambda v: v <= 1.5),
    ("list_vs_sybil_speedup", "Sybil ÷ list of 250 files", "≥ 10×", lambda v: v >= 10),
    ("growth_10x", "check of 10× the files ÷ check", "≤ 10.5×", lambda v: v <= 10.5),
    ("run_quickstart_wall_s", "run of the corpus quickstart (s)", "—", lambda v: True),
    ("run_vs_check_quickstart", "run ÷ check of the quickstart", "—", lambda v: True),
    ("rss_over_payload_run", "run alone: (peak RSS 19 MB − 2 kB article) ÷ body", "≤ 2×", lambda v: v <= 2),
    ("rss_over_payload_run_embedded", "run + embedded mock: whole peak RSS ÷ body", "—", lambda v: True),
    ("rss_over_payload_mock", "mock RSS growth ÷ 19 MB body", "≤ 2×", lambda v: v <= 2),
    ("mock_rps_text", "mock req/s, text, 64 conns", "≥ 5000", lambda v: v >= 5000),
    ("mock_p99_ms_text", "mock p99 ms, text", "—", lambda v: True),
    ("mock_rps_audio", "mock req/s, 4 s audio", "—", lambda v: True),
    ("mock_errors", "mock errors under load", "0", lambda v: v == 0),
    ("mock_rss_growth_mb", "mock RSS growth after warm-up (MB)", "≤ 5", lambda v: v <= 5),
    ("big_page_check_cpu_s", "check of a 50 MB page, CPU s", "—", lambda v: True),
    ("big_page_rss_over_page", "check of a 50 MB page: peak RSS ÷ page", "—", lambda v: True),
]
json.dump(results, open(sys.argv[1], "w"), indent=2, sort_keys=True)
open(sys.argv[1], "a").write("\n")
missed = 0
print("| Figure | Value | Goal | Met |\n|---|---|---|---|")
for key, label, goal, ok in goals:
    met = ok(results[key])
    missed += not met
    print(f"| {label} | {results[key]} | {goal} | {'yes' if met else 'NO'} |")
print(f"\nmachine: {results['machine']}; commit {results['commit']}; {results['date']}")
sys.exit(1 if missed else 0)
