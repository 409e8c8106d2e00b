#!/usr/bin/env python3
"""Writes the data the DaCHS peer (q.rd) imports, deterministically (fixed seed).

  data/stars.csv    id,ra,dec,mag: 3000 stars, 2000 of them clustered around (RA 180, Dec 2)
                    within a few degrees, 1000 spread uniformly over the whole sky.
                    Star 1 sits exactly at (180, 2) so cone searches there always hit it.
  images/*.fits     6 small (64x64 px, 0.01 deg/px) TAN-projected images with a proper WCS,
                    five around (180, 2) and one far away at (10, -30); the pixels show the
                    catalogue stars as Gaussian blobs. Only written when astropy is importable.

Usage: make_data.py OUTPUT_DIR  (creates OUTPUT_DIR/data and OUTPUT_DIR/images)
"""
import math
import os
import random
import sys

CENTRE_RA, CENTRE_DEC = 180.0, 2.0
N_CLUSTER, N_ALLSKY = 2000, 1000
IMAGES = [  # name, centre RA, centre Dec, filter, date of observation
    ("peer_c", 180.0, 2.0, "V", "2024-03-01T01:00:00"),
    ("peer_e", 180.5, 2.0, "V", "2024-03-01T02:00:00"),
    ("peer_w", 179.5, 2.0, "R", "2024-03-02T01:00:00"),
    ("peer_n", 180.0, 2.5, "R", "2024-03-02T02:00:00"),
    ("peer_s", 180.0, 1.5, "B", "2024-03-03T01:00:00"),
    ("peer_far", 10.0, -30.0, "V", "2024-03-04T01:00:00"),
]
# Johnson-like passbands in metres: (low, high)
BANDS = {"B": (390e-9, 490e-9), "V": (500e-9, 600e-9), "R": (590e-9, 730e-9)}
NPIX, SCALE = 64, 0.01  # pixels per side, degrees per pixel


def stars():
    rng = random.Random(20240301)
    rows = [(1, CENTRE_RA, CENTRE_DEC, 10.0)]
    while len(rows) < N_CLUSTER:
        dec = CENTRE_DEC + rng.gauss(0, 1.5)
        ra = CENTRE_RA + rng.gauss(0, 1.5) / math.cos(math.radians(dec))
        if math.hypot((ra - CENTRE_RA) * math.cos(math.radians(dec)), dec - CENTRE_DEC) <= 5:
            rows.append((len(rows) + 1, ra, dec, round(rng.uniform(8, 18), 3)))
    for _ in range(N_ALLSKY):
        ra = rng.uniform(0, 360)
        dec = math.degrees(math.asin(rng.uniform(-1, 1)))  # uniform on the sphere
        rows.append((len(rows) + 1, ra, dec, round(rng.uniform(8, 18), 3)))
    return rows


def write_images(rows, outdir):
    try:
        import numpy as np
        from astropy.io import fits
        from astropy.wcs import WCS
    except ImportError:
        print("astropy/numpy missing: no images written", file=sys.stderr)
        return
    os.makedirs(outdir, exist_ok=True)
    yy, xx = np.mgrid[0:NPIX, 0:NPIX]
    for name, ra, dec, band, date in IMAGES:
        w = WCS(naxis=2)
        w.wcs.ctype = ["RA---TAN", "DEC--TAN"]
        w.wcs.crval = [ra, dec]
        w.wcs.crpix = [(NPIX + 1) / 2, (NPIX + 1) / 2]
        w.wcs.cdelt = [-SCALE, SCALE]
        w.wcs.cunit = ["deg", "deg"]
        w.wcs.radesys = "ICRS"
        w.wcs.equinox = 2000.0
        img = np.full((NPIX, NPIX), 100.0, dtype=np.float32)
        near = [r for r in rows if abs(r[2] - dec) < 1 and abs(r[1] - ra) < 1]
        if near:
            px, py = w.all_world2pix([r[1] for r in near], [r[2] for r in near], 0)
            for x, y, r in zip(px, py, near):
                if -5 < x < NPIX + 5 and -5 < y < NPIX + 5:
                    img += (10 ** (-0.4 * (r[3] - 20)) * np.exp(-((xx - x) ** 2 + (yy - y) ** 2) / 4.5)).astype(np.float32)
        hdr = w.to_header()
        hdr["OBJECT"] = (name, "field name")
        hdr["DATE-OBS"] = (date, "start of observation (UTC)")
        hdr["EXPTIME"] = (60.0, "[s] exposure time")
        hdr["FILTER"] = (band, "Johnson-like passband")
        hdr["INSTRUME"] = ("AstroRuntimePeerCam", "synthetic test camera")
        hdr["BUNIT"] = ("adu", "")
        fits.PrimaryHDU(img, hdr).writeto(os.path.join(outdir, name + ".fits"), overwrite=True)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(os.path.join(out, "data"), exist_ok=True)
    rows = stars()
    with open(os.path.join(out, "data", "stars.csv"), "w") as f:
        f.write("id,ra,dec,mag\n")
        for i, ra, dec, mag in rows:
            f.write(f"{i},{ra % 360:.7f},{dec:.7f},{mag:.3f}\n")
    write_images(rows, os.path.join(out, "images"))
    print(f"{len(rows)} stars, {len(IMAGES)} images written under {out}")


if __name__ == "__main__":
    main()
