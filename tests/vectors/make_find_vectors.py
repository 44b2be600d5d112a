"""Makes find.json: Python's bytes.find/rfind/index/rindex results for slice
positions that are negative, past the length, reversed, and for empty
patterns. The JS tests compare find/rfind (step 1) against these.
Run: python3 tests/vectors/make_find_vectors.py > tests/vectors/find.json"""
import json

hays = [b"", b"a", b"abc", b"abcabc", b"aaaa", b"xxabxxab"]
pats = [b"", b"a", b"ab", b"abc", b"c", b"aa", b"z", b"abcabcx"]
positions = [None, -100, -7, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 100]
cases = []
for h in hays:
    for p in pats:
        for s in positions:
            for e in positions:
                args = (p,) if s is None and e is None else (p, 0 if s is None else s) if e is None else (p, 0 if s is None else s, e)
                if s is None and e is not None:
                    continue  # JS passes undefined for start; covered by start=0
                cases.append({
                    "hay": h.decode(), "pat": p.decode(), "start": s, "end": e,
                    "find": h.find(*args), "rfind": h.rfind(*args),
                })
print(json.dumps(cases, separators=(",", ":")))
