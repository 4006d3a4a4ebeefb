#!/usr/bin/env python3
"""Writes synthetic bronze in the bronze contract (docs/lake.md), for scripts/bench-cold.sh.

The same data as the Java SilverBenchmark generator (movie-transform's test sources): a pool of
MOVIES * 1.2 movies whose popularity drifts daily; each day's top MOVIES on 20-movie discover pages,
plus the day's genre list. Deterministic (seeded), so any day can be written on its own.

    scripts/bench_bronze.py LAKE MOVIES FIRST_DAY LAST_DAY       # days are 0-based indexes
    scripts/bench_bronze.py --ratings FILE COUNT SEED            # rating events CSV
"""
import datetime
import json
import os
import random
import sys

LANGUAGES = ["en", "fr", "ja", "ko", "es", "de"]
GENRES = [28, 12, 16, 35, 80, 99, 18, 10751, 14, 36, 27, 10402, 9648, 10749, 878, 53, 10752, 37]
FIRST = datetime.date(2026, 10, 20)


def popularity(pool, days, seed=42):
    table = [[0.0] * pool for _ in range(days)]
    for m in range(pool):
        rnd = random.Random(seed * 1_000_003 + m)  # per movie: any day range gives the same values
        table[0][m] = 1 + rnd.random() * 200
        for d in range(1, days):
            table[d][m] = max(0.0, table[d - 1][m] * (0.9 + 0.2 * rnd.random()))
    return table


def envelope(endpoint, date, page, top_n, body):
    return json.dumps({
        "endpoint": endpoint, "snapshot_date": date.isoformat(), "fetched_at": f"{date}T05:00:00Z",
        "request": {"sort_by": "popularity.desc", "page": str(page) if page else None},
        "page": page, "top_n": top_n, "http_status": 200, "body": body,
    }, separators=(",", ":"))


def movie(m, d, pop):
    mid = 1000 + m * 7
    rnd = random.Random(42 * 31 + m)
    vote_average = round(3 + rnd.random() * 6, 1)
    vote_count = 100 + rnd.randrange(20000) + d * 3
    title = f"Movie {mid}" + (" (Director's Cut)" if d >= 20 and m % 50 == 0 else "")
    return {
        "adult": False, "backdrop_path": f"/b{mid}.jpg",
        "genre_ids": [GENRES[m % len(GENRES)], GENRES[(m // 3) % len(GENRES)]], "id": mid,
        "original_language": LANGUAGES[m % len(LANGUAGES)], "original_title": f"Movie {mid}",
        "overview": f"A generated overview of movie {mid} with some words to make it realistic in size.",
        "popularity": round(pop, 3), "poster_path": f"/p{mid}.jpg", "release_date": "2020-01-01",
        "title": title, "video": False, "vote_average": vote_average, "vote_count": vote_count,
    }


def path(lake, folder, date):
    return os.path.join(lake, "bronze", "tmdb", folder, f"{date.year:04d}", f"{date.month:02d}",
                        f"{date.isoformat()}.jsonl")


def write_days(lake, top, first_day, last_day):
    pool = top + top // 5
    pops = popularity(pool, last_day + 1)
    for d in range(first_day, last_day + 1):
        date = FIRST + datetime.timedelta(days=d)
        order = sorted(range(pool), key=lambda m: -pops[d][m])
        discover = path(lake, "discover_movie", date)
        os.makedirs(os.path.dirname(discover), exist_ok=True)
        with open(discover + ".tmp", "w", encoding="utf-8") as out:
            pages = (top + 19) // 20
            for p in range(pages):
                results = [movie(order[i], d, pops[d][order[i]]) for i in range(p * 20, min(top, p * 20 + 20))]
                body = json.dumps({"page": p + 1, "results": results, "total_pages": 500,
                                   "total_results": 10000}, separators=(",", ":"))
                out.write(envelope("discover/movie", date, p + 1, top, body) + "\n")
        os.replace(discover + ".tmp", discover)
        genres = path(lake, "genre_movie_list", date)
        os.makedirs(os.path.dirname(genres), exist_ok=True)
        body = json.dumps({"genres": [{"id": g, "name": f"Genre {g}"} for g in GENRES]}, separators=(",", ":"))
        with open(genres + ".tmp", "w", encoding="utf-8") as out:
            out.write(envelope("genre/movie/list", date, None, None, body) + "\n")
        os.replace(genres + ".tmp", genres)


def write_ratings(file, count, seed):
    rnd = random.Random(seed)
    base = datetime.datetime(2026, 11, 1, tzinfo=datetime.timezone.utc)
    os.makedirs(os.path.dirname(os.path.abspath(file)), exist_ok=True)
    with open(file, "w", encoding="utf-8") as out:
        out.write("user_id,movie_id,rating,rated_at\n")
        for _ in range(count):
            at = base + datetime.timedelta(seconds=rnd.randrange(30 * 86400))
            out.write(f"u{rnd.randrange(2000)},{1000 + rnd.randrange(5000) * 7},"
                      f"{rnd.randrange(1, 11) / 2},{at.strftime('%Y-%m-%dT%H:%M:%SZ')}\n")


if __name__ == "__main__":
    if sys.argv[1] == "--ratings":
        write_ratings(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        write_days(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
