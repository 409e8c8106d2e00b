#!/usr/bin/python3
"""Watches a query-svc job with pyvo's own UWS client, as an astronomer's script would.

Creates a cone-search job on query-svc (left PENDING), then lets pyvo's AsyncTAPJob run it, wait for it, read
its phase, execution duration and destruction time, fetch the stored table, and delete the job. The row count is
compared with the same cone search asked of the service directly through pyvo.

Usage (with the suite running, ./run.sh):
  /usr/bin/python3 scripts/pyvo-watch-query.py http://127.0.0.1:8082 "$TOKEN" http://127.0.0.1:8090/cone
Exit status 0 when every check holds.
"""
import sys

import pyvo
import requests
from pyvo.dal.tap import AsyncTAPJob


def main(query_svc, token, cone_url):
    session = requests.Session()
    session.headers["Authorization"] = "Bearer " + token
    created = session.post(query_svc.rstrip("/") + "/queries", allow_redirects=False,
                           data={"service": cone_url, "RA": "180", "DEC": "2", "SR": "0.3", "CACHE": "bypass"})
    if created.status_code != 303:
        sys.exit("job creation answered HTTP %d: %s" % (created.status_code, created.text))
    job = AsyncTAPJob(created.headers["Location"], session=session)
    print("created", job.job_id, "phase", job.phase, "owner", job.owner)
    assert job.phase == "PENDING", job.phase
    job.run()
    job.wait(phases=["COMPLETED", "ERROR", "ABORTED"], timeout=60)
    print("phase", job.phase, "execution duration", job.execution_duration, "destruction", job.destruction)
    job.raise_if_error()
    table = job.fetch_result().to_table()
    direct = pyvo.dal.SCSService(cone_url).search(pos=(180, 2), radius=0.3)
    print("rows through query-svc", len(table), "rows asked directly", len(direct))
    assert len(table) == len(direct) > 0
    url = job.url
    job.delete()  # pyvo posts ACTION=DELETE
    gone = session.get(url)
    print("after delete: HTTP", gone.status_code)
    assert gone.status_code == 404
    print("pyvo watched the job: OK")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
