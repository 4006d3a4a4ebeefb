#!/usr/bin/env python3
"""Generates the demo's bundled TMDB responses (movie-jobs/src/main/resources/sample/tmdb).

Deterministic (seeded). Five snapshot days across a month boundary, 45 well-known movies of which the
top 40 by the day's popularity are served on two discover pages in TMDB's exact response format, plus
TMDB's genre list. Day 3 repeats a movie across pages (TMDB pages shift while paging) and carries one
invalid record (vote_count -1) so the demo shows dedupe and quarantine. Run from the repository root:

    python3 scripts/generate_sample_tmdb.py
"""
import datetime
import json
import os
import random

GENRES = [(28, "Action"), (12, "Adventure"), (16, "Animation"), (35, "Comedy"), (80, "Crime"),
          (99, "Documentary"), (18, "Drama"), (10751, "Family"), (14, "Fantasy"), (36, "History"),
          (27, "Horror"), (10402, "Music"), (9648, "Mystery"), (10749, "Romance"),
          (878, "Science Fiction"), (10770, "TV Movie"), (53, "Thriller"), (10752, "War"), (37, "Western")]

# id, title, original_language, genre_ids, base popularity, vote_average, vote_count
MOVIES = [
    (550, "Fight Club", "en", [18], 61.4, 8.4, 30512), (603, "The Matrix", "en", [28, 878], 58.2, 8.2, 26301),
    (13, "Forrest Gump", "en", [35, 18, 10749], 55.0, 8.5, 28102), (27205, "Inception", "en", [28, 878, 12], 83.1, 8.4, 37420),
    (157336, "Interstellar", "en", [12, 18, 878], 140.2, 8.4, 36810), (155, "The Dark Knight", "en", [18, 28, 80, 53], 97.5, 8.5, 33690),
    (680, "Pulp Fiction", "en", [53, 80], 66.9, 8.5, 28890), (238, "The Godfather", "en", [18, 80], 102.7, 8.7, 21150),
    (278, "The Shawshank Redemption", "en", [18, 80], 120.3, 8.7, 28300), (597, "Titanic", "en", [18, 10749], 89.0, 7.9, 26030),
    (19995, "Avatar", "en", [28, 12, 14, 878], 95.3, 7.6, 32010), (299534, "Avengers: Endgame", "en", [12, 878, 28], 88.8, 8.2, 26120),
    (496243, "Parasite", "ko", [35, 53, 18], 70.6, 8.5, 19140), (475557, "Joker", "en", [80, 53, 18], 76.4, 8.1, 25780),
    (129, "Spirited Away", "ja", [16, 10751, 14], 91.2, 8.5, 17120), (438631, "Dune", "en", [878, 12], 110.9, 7.8, 13210),
    (872585, "Oppenheimer", "en", [18, 36], 150.4, 8.1, 10320), (346698, "Barbie", "en", [35, 12], 84.7, 7.0, 9450),
    (862, "Toy Story", "en", [16, 12, 10751, 35], 101.8, 8.0, 18920), (329, "Jurassic Park", "en", [12, 878], 48.3, 7.9, 16530),
    (11, "Star Wars", "en", [12, 28, 878], 79.4, 8.2, 21040), (120, "The Lord of the Rings: The Fellowship of the Ring", "en", [12, 14, 28], 112.6, 8.4, 25410),
    (98, "Gladiator", "en", [28, 18, 12], 74.2, 8.2, 19870), (8587, "The Lion King", "en", [10751, 18, 16], 93.0, 8.3, 18620),
    (14160, "Up", "en", [16, 35, 10751, 12], 62.5, 7.9, 20150), (244786, "Whiplash", "en", [18, 10402], 44.8, 8.4, 15210),
    (354912, "Coco", "en", [10751, 16, 10402, 12], 86.1, 8.2, 19560), (150540, "Inside Out", "en", [16, 10751, 12, 18, 35], 77.7, 7.9, 21530),
    (109445, "Frozen", "en", [16, 10751, 12, 14], 81.9, 7.2, 16990), (105, "Back to the Future", "en", [12, 35, 878], 52.4, 8.3, 20070),
    (424, "Schindler's List", "en", [18, 36, 10752], 47.5, 8.6, 16270), (769, "GoodFellas", "en", [18, 80], 46.1, 8.5, 12860),
    (807, "Se7en", "en", [80, 9648, 53], 60.3, 8.4, 21200), (274, "The Silence of the Lambs", "en", [80, 18, 53, 27], 57.9, 8.3, 16480),
    (348, "Alien", "en", [27, 878], 53.6, 8.2, 14760), (78, "Blade Runner", "en", [878, 18, 53], 42.9, 7.9, 14130),
    (280, "Terminator 2: Judgment Day", "en", [28, 53, 878], 58.8, 8.1, 12890), (949, "Heat", "en", [28, 80, 18, 53], 39.7, 7.9, 7410),
    (194, "Amélie", "fr", [35, 10749], 35.2, 7.9, 11120), (1124, "The Prestige", "en", [18, 9648, 878], 49.4, 8.2, 16320),
    (68718, "Django Unchained", "en", [18, 37], 68.0, 8.2, 26540), (76341, "Mad Max: Fury Road", "en", [28, 12, 878], 72.3, 7.6, 22950),
    (313369, "La La Land", "en", [35, 18, 10749, 10402], 50.6, 7.9, 17060), (419430, "Get Out", "en", [9648, 53, 27], 41.1, 7.6, 17020),
    (545611, "Everything Everywhere All at Once", "en", [28, 12, 878], 63.9, 7.8, 6980),
]

DAYS = [datetime.date(2026, 10, 30) + datetime.timedelta(days=i) for i in range(5)]
TOP_N = 40
OUT = "movie-jobs/src/main/resources/sample/tmdb"


def result(movie, day_index, rnd):
    mid, title, lang, genres, pop, avg, count = movie
    if mid == 346698 and day_index >= 3:
        title = "Barbie (2023)"  # a retitled movie: movies_dim is updated in place (SCD type 1)
    return {
        "adult": False,
        "backdrop_path": "/backdrop%d.jpg" % mid,
        "genre_ids": genres,
        "id": mid,
        "original_language": lang,
        "original_title": title,
        "overview": "Sample overview of %s." % title,
        "popularity": round(pop * (1 + 0.25 * (rnd.random() - 0.5)) + 3 * day_index * (mid % 3 - 1), 3),
        "poster_path": "/poster%d.jpg" % mid,
        "release_date": "2000-01-01",
        "title": title,
        "video": False,
        "vote_average": round(min(10.0, avg + 0.01 * day_index), 3),
        "vote_count": count + 37 * day_index + (mid % 11),
    }


def main():
    rnd = random.Random(20261130)
    for i, day in enumerate(DAYS):
        results = sorted((result(m, i, rnd) for m in MOVIES), key=lambda r: -r["popularity"])[:TOP_N]
        total_results = 10000
        pages = [results[0:20], results[20:40]]
        if i == 2:
            pages[1] = [pages[0][19]] + pages[1][:19]  # page shift: #20 shows again as #21
            pages[1][5] = dict(pages[1][5], vote_count=-1)  # an invalid record for the quarantine
        folder = os.path.join(OUT, day.isoformat())
        os.makedirs(folder, exist_ok=True)
        for n, page in enumerate(pages, start=1):
            body = {"page": n, "results": page, "total_pages": total_results // 20, "total_results": total_results}
            with open(os.path.join(folder, "discover-page-%d.json" % n), "w", encoding="utf-8") as f:
                json.dump(body, f, ensure_ascii=False, separators=(",", ":"))
        genres = [{"id": g, "name": n} for g, n in GENRES]
        if i >= 4:
            genres = [dict(g, name="Sci-Fi") if g["id"] == 878 else g for g in genres]  # a renamed genre
        with open(os.path.join(folder, "genres.json"), "w", encoding="utf-8") as f:
            json.dump({"genres": genres}, f, ensure_ascii=False, separators=(",", ":"))
    with open(os.path.join(OUT, "days.txt"), "w") as f:
        f.write("\n".join(d.isoformat() for d in DAYS) + "\n")


if __name__ == "__main__":
    main()
