"""`make bench`: the site's speed against the static-file ceiling.

Loads the demo content into a fresh SQLite database, starts gunicorn with `make serve`'s
settings on loopback, saves the HTML of each measured page and serves those copies with
nginx (the ceiling), then runs wrk against each page and its static copy in alternation
(A B A B ...) for three tiers: the app uncached, the app with its page cache, and nginx in
front of the app (deploy/nginx.conf.template). Beside them it measures the references of
bench/reference.py on the same gunicorn settings, counts each page's SQL queries with the
page cache off (after a content change and on the next render), and runs Lighthouse
(mobile) on home, Botox, the gallery and a case through nginx. Writes
bench/results/results.{json,md,png}, prints the table with met/short per target, and stops
all it started. Only loopback addresses are used.

The speed targets are set against figures of the same run (the ceiling, the references),
not in milliseconds: the site's figures move between machines and between runs on one,
and the ceiling and the references, measured on the same cores meanwhile, move with them.

Environment: BENCH_ROUNDS (3), BENCH_SECONDS (10), BENCH_CONNECTIONS (32),
BENCH_LIGHTHOUSE (1; 0 skips it).
"""

import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PY = sys.executable
PAGES = {"home": "/", "botox": "/treatments/botox/", "gallery": "/gallery/"}
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 3))
SECONDS = int(os.environ.get("BENCH_SECONDS", 10))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 32))
CLK_TCK = os.sysconf("SC_CLK_TCK")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

# Measured beside the site in the same run (bench/reference.py): what these gunicorn
# settings cost without Django, and plain Django, on this machine. {name: (WSGI app, path)}
BARE = "bare Django view, one query, startproject middleware"
CACHE_PAGE = "the same view under Django's cache_page"
REFERENCES = {
    "gunicorn alone (the saved page, no Django)": ("gunicorn_alone", "/"),
    BARE: ("application", "/bare/"),
    CACHE_PAGE: ("application", "/cache_page/"),
}
# The targets, for every page, each against figures of the same run. Nginx in front: req/s
# at least DEPLOYED_RATIO of the ceiling's, p99 at most DEPLOYED_P99 times the ceiling's in
# the same rounds. Page cache on: CPU per request at most CACHE_PAGE's; off: at most
# UNCACHED_CPU times BARE's. SQL: at most MAX_QUERIES queries on the render the uncached tier
# serves (the rows every page shows kept per content version, as the site keeps them).
DEPLOYED_RATIO = 1 / 1.5
DEPLOYED_P99 = 1.5
UNCACHED_CPU = 4
MAX_QUERIES = 4
TIER_NAMES = {
    "uncached": "app tier, page cache off",
    "cached": "app tier, page cache on",
    "deployed": "nginx in front (deployed)",
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def process_tree(pid):
    """The pid and all its descendants (gunicorn's master and workers, nginx's workers)."""
    pids, queue = [], [pid]
    while queue:
        current = queue.pop()
        pids.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            children = []
        queue.extend(int(child) for child in children)
    return pids


def cpu_seconds(pids):
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # utime + stime, and cutime + cstime: the time of children it reaped, so a gunicorn
        # worker recycled during a round (max_requests) still counts.
        total += sum(int(value) for value in fields[11:15])
    return total / CLK_TCK


def peak_rss_mib(pid):
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024


def parse_duration_ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", url],
        check=True, capture_output=True, text=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "p50_ms": parse_duration_ms(latency["50"]),
        "p99_ms": parse_duration_ms(latency["99"]),
        "errors": int(errors.group(1)) if errors else 0,
    }


def wrk_with_cpu(url, server_pids):
    """wrk's figures for `url`, plus the CPU milliseconds per request that the process trees
    of `server_pids` spent meanwhile."""
    def tree_cpu():  # the trees are read again after: a recycled worker has a new pid
        return cpu_seconds([p for pid in server_pids for p in process_tree(pid)])

    before = tree_cpu()
    run = wrk(url)
    run["cpu_ms"] = (tree_cpu() - before) * 1000 / max(run["requests"], 1)
    return run


class AssetParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.assets = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.assets.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.assets.append(attrs["src"])


def page_weight(base_url, html):
    parser = AssetParser()
    parser.feed(html.decode())
    css_js = {url: len(fetch(base_url + url)) for url in parser.assets}
    return {"html_bytes": len(html), "css_js_bytes": sum(css_js.values()), "assets": css_js}


class Bench:
    def __init__(self):
        self.work = Path(tempfile.mkdtemp(prefix="clinic-bench-"))
        self.processes = []
        self.env = {
            **os.environ,
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": "bench-only-" + "x" * 50,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": f"sqlite:///{self.work / 'db.sqlite3'}",
            "DJANGO_MEDIA_ROOT": str(self.work / "media"),
            "DJANGO_PRIVATE_MEDIA_ROOT": str(self.work / "private"),
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_LOG_LEVEL": "WARNING",
        }

    # Processes -----------------------------------------------------------------------
    def manage(self, *args, env=None):
        subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env or self.env, check=True,
                       stdout=subprocess.DEVNULL)

    def start(self, argv, env=None, **kwargs):
        process = subprocess.Popen(argv, cwd=ROOT, env=env or self.env, start_new_session=True,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)
        self.processes.append(process)
        return process

    def stop(self, process):
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.processes.remove(process)

    def stop_all(self):
        for process in list(self.processes):
            self.stop(process)

    def gunicorn(self, port, page_cache, **extra_env):
        env = {**self.env, "DJANGO_PAGE_CACHE": "true" if page_cache else "false",
               "GUNICORN_BIND": f"127.0.0.1:{port}", **extra_env}
        process = self.start([PY, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py",
                              "clinic_site.wsgi"], env=env)
        wait_for(f"http://127.0.0.1:{port}/healthz")
        return process

    def nginx(self, name, config):
        run_dir = self.work / name
        run_dir.mkdir()
        (run_dir / "nginx.conf").write_text(config.replace("${RUN_DIR}", str(run_dir)))
        subprocess.run([NGINX, "-t", "-q", "-c", run_dir / "nginx.conf", "-e",
                        run_dir / "error.log"], check=True)
        # Started as root, nginx's workers would drop to `nobody`, who cannot read the
        # bench's private temporary folder.
        globals_ = "daemon off;" + (" user root;" if os.geteuid() == 0 else "")
        return self.start([NGINX, "-c", run_dir / "nginx.conf", "-e", run_dir / "error.log",
                           "-g", globals_])

    def ceiling_nginx(self, port, html_root):
        config = f"""
worker_processes auto;
pid ${{RUN_DIR}}/nginx.pid;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path ${{RUN_DIR}}/body;
    proxy_temp_path ${{RUN_DIR}}/proxy;
    fastcgi_temp_path ${{RUN_DIR}}/fastcgi;
    uwsgi_temp_path ${{RUN_DIR}}/uwsgi;
    scgi_temp_path ${{RUN_DIR}}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {html_root};
        index index.html;
    }}
}}"""
        return self.nginx("ceiling", config)

    def deployed_nginx(self, port, upstream_port):
        template = (ROOT / "deploy" / "nginx.conf.template").read_text()
        config = (template.replace("${LISTEN}", f"127.0.0.1:{port}")
                  .replace("${UPSTREAM}", f"127.0.0.1:{upstream_port}")
                  .replace("${TLS}", "/dev/null").replace("${HTTP_SERVERS}", "/dev/null")  # as the ceiling: plain http
                  .replace("${STATIC_ROOT}", str(ROOT / "staticfiles"))
                  .replace("${MEDIA_ROOT}", self.env["DJANGO_MEDIA_ROOT"])
                  .replace("${PRIVATE_MEDIA_ROOT}", self.env["DJANGO_PRIVATE_MEDIA_ROOT"]))
        return self.nginx("deployed", config)

    # Measurements --------------------------------------------------------------------
    def query_counts(self):
        """Each page's SQL queries with the page cache off: the render with every cache
        emptied (as after a content change, nothing kept is current), then the next one,
        which is what the uncached tier serves under load."""
        script = (
            "import django, json; django.setup()\n"
            "from django.core.cache import caches\n"
            "from django.db import connection\n"
            "from django.test import Client\n"
            "from django.test.utils import CaptureQueriesContext\n"
            "def count(path):\n"
            "    with CaptureQueriesContext(connection) as queries:\n"
            "        assert client.get(path).status_code == 200, path\n"
            "    return len(queries)\n"
            "client, counts = Client(), {}\n"
            f"for name, path in {PAGES!r}.items():\n"
            "    client.get(path)  # the process's own first-time work is no render's\n"
            "    for cache in caches.all(): cache.clear()\n"
            "    counts[name] = {'emptied': count(path), 'kept': count(path)}\n"
            "print(json.dumps(counts))\n"
        )
        # Caches in this process only: emptying them must not touch one the servers share.
        env = {**self.env, "DJANGO_PAGE_CACHE": "false", "DJANGO_ALLOWED_HOSTS": "testserver",
               "CACHE_URL": "locmemcache://", "DJANGO_SETTINGS_MODULE": "clinic_site.settings"}
        out = subprocess.run([PY, "-c", script], cwd=ROOT, env=env, check=True,
                             capture_output=True, text=True).stdout
        return json.loads(out.strip().splitlines()[-1])

    def measure_tier(self, tier, url, server_pids, ceiling_url, gunicorn_pid):
        """wrk on each page of `url` and its static copy; CPU is that of `server_pids`' trees."""
        rows = {}
        for name, path in PAGES.items():
            fetch(url + path)  # warm the caches and the workers
            app_runs, ceiling_runs = [], []
            for _ in range(ROUNDS):
                app_runs.append(wrk_with_cpu(url + path, server_pids))
                ceiling_runs.append(wrk(ceiling_url + path))
            median = lambda runs, key: statistics.median(r[key] for r in runs)  # noqa: E731
            rows[name] = {
                "path": path,
                "rps": median(app_runs, "rps"),
                "p50_ms": median(app_runs, "p50_ms"),
                "p99_ms": median(app_runs, "p99_ms"),
                "cpu_ms_per_request": median(app_runs, "cpu_ms"),
                "errors": sum(r["errors"] for r in app_runs),
                "ceiling_rps": median(ceiling_runs, "rps"),
                "ceiling_p99_ms": median(ceiling_runs, "p99_ms"),
                "rounds": {"app": app_runs, "ceiling": ceiling_runs},
            }
            rows[name]["ratio"] = rows[name]["rps"] / rows[name]["ceiling_rps"]
            print(f"  {tier:9} {path:22} {rows[name]['rps']:9.0f} req/s  "
                  f"1/{1 / rows[name]['ratio']:.1f} of ceiling  "
                  f"{rows[name]['cpu_ms_per_request']:.3f} ms CPU", flush=True)
        workers = [pid for pid in process_tree(gunicorn_pid) if pid != gunicorn_pid]
        return rows, max(peak_rss_mib(pid) for pid in workers)

    def measure_references(self, html, ceiling_rps):
        """Each of REFERENCES on gunicorn with the site's settings, `html` as its page."""
        rows = {}
        for name, (app, path) in REFERENCES.items():
            port = free_port()
            env = {**self.env, "GUNICORN_BIND": f"127.0.0.1:{port}", "BENCH_HTML": str(html),
                   "BENCH_DATABASE": str(self.work / "db.sqlite3")}
            process = self.start([PY, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py",
                                  f"bench.reference:{app}"], env=env)
            url = f"http://127.0.0.1:{port}{path}"
            wait_for(url)
            runs = [wrk_with_cpu(url, [process.pid]) for _ in range(ROUNDS)]
            self.stop(process)
            rps = statistics.median(r["rps"] for r in runs)
            rows[name] = {"rps": rps, "ratio": rps / ceiling_rps,
                          "cpu_ms_per_request": statistics.median(r["cpu_ms"] for r in runs)}
            print(f"  reference {name:45} {rps:9.0f} req/s  "
                  f"{rows[name]['cpu_ms_per_request']:.3f} ms CPU", flush=True)
        return rows

    def lighthouse(self, base_url):
        if os.environ.get("BENCH_LIGHTHOUSE", "1") == "0":
            return {}
        for attempt in range(2):  # Chromium sometimes loses a trace on a busy machine
            try:
                return self.run_lighthouse(base_url)
            except (OSError, subprocess.CalledProcessError) as error:
                print(f"Lighthouse did not run (attempt {attempt + 1}): {error}", flush=True)
        return {}

    def run_lighthouse(self, base_url):
        binary = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
        case = re.search(r'class="case__title"[^>]*><a href="([^"]+)"', fetch(base_url + PAGES["gallery"]).decode())
        paths = {**PAGES, "case": case.group(1)}
        scores = {}
        for name, path in paths.items():
            report = self.work / f"lighthouse-{name}.json"
            subprocess.run(
                [binary, base_url + path, "--quiet", "--output=json",
                 f"--output-path={report}",
                 "--only-categories=performance,accessibility,best-practices,seo",
                 "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
                 "--disable-background-networking --disable-component-update --no-first-run"],
                check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
            )
            data = json.loads(report.read_text())
            audits = data["audits"]
            scripts = [item for item in audits["resource-summary"]["details"]["items"] if item["resourceType"] == "script"]
            scores[name] = {
                "path": path,
                **{key: round(c["score"] * 100) for key, c in data["categories"].items()},
                "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
                "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
                "transfer_bytes": round(audits["total-byte-weight"]["numericValue"]),
                "script_bytes": sum(item["transferSize"] for item in scripts),
            }
        return scores

    def run(self):
        self.manage("migrate", "--noinput")
        self.manage("load_demo_content")
        self.manage("collectstatic", "--noinput")
        results = {"machine": {"cores": os.cpu_count(), "connections": CONNECTIONS,
                               "rounds": ROUNDS, "seconds": SECONDS},
                   "queries": self.query_counts(), "tiers": {}, "memory_mib": {}}

        app_port, ceiling_port, front_port = free_port(), free_port(), free_port()
        app_url = f"http://127.0.0.1:{app_port}"
        ceiling_url = f"http://127.0.0.1:{ceiling_port}"
        front_url = f"http://127.0.0.1:{front_port}"

        # Save each page's HTML as the app serves it: the ceiling serves these copies.
        html_root = self.work / "html"
        app = self.gunicorn(app_port, page_cache=False)
        results["weight"] = {}
        for name, path in PAGES.items():
            html = fetch(app_url + path)
            (html_root / path.lstrip("/")).mkdir(parents=True, exist_ok=True)
            (html_root / path.lstrip("/") / "index.html").write_bytes(html)
            results["weight"][name] = page_weight(app_url, html)
        self.ceiling_nginx(ceiling_port, html_root)
        wait_for(ceiling_url + "/")

        print("Measuring (rounds of", SECONDS, "s, A B alternation)...", flush=True)
        for tier in ("uncached", "cached", "deployed"):
            if tier == "cached":
                self.stop(app)
                app = self.gunicorn(app_port, page_cache=True)
            if tier == "deployed":
                # As deployed behind nginx: one proxy of ours, photos sent by nginx.
                self.stop(app)
                app = self.gunicorn(app_port, page_cache=True, DJANGO_PROXY_COUNT="1",
                                    DJANGO_PRIVATE_MEDIA_ACCEL_PREFIX="/_private/")
                front = self.deployed_nginx(front_port, app_port)
                wait_for(front_url + "/healthz")
                server_pids, url = [front.pid, app.pid], front_url
            else:
                server_pids, url = [app.pid], app_url
            rows, memory = self.measure_tier(tier, url, server_pids, ceiling_url, app.pid)
            results["tiers"][tier] = rows
            results["memory_mib"][tier] = memory
        ceiling_rps = statistics.median(
            results["tiers"][tier]["botox"]["ceiling_rps"] for tier in results["tiers"])
        results["references"] = self.measure_references(
            html_root / PAGES["botox"].lstrip("/") / "index.html", ceiling_rps)
        results["lighthouse"] = self.lighthouse(front_url)
        return results


def verdicts(results):
    """Each target as (description, figure, met)."""
    tiers, references = results["tiers"], results["references"]
    cache_page = references[CACHE_PAGE]["cpu_ms_per_request"]
    bare = references[BARE]["cpu_ms_per_request"]
    out = []
    for name, row in tiers["deployed"].items():
        out.append((f"deployed {name}: ≥ 1/{1 / DEPLOYED_RATIO:g} of ceiling req/s",
                    f"1/{1 / row['ratio']:.2f}", row["ratio"] >= DEPLOYED_RATIO))
        out.append((f"deployed {name}: p99 ≤ {DEPLOYED_P99:g} × ceiling p99",
                    f"{row['p99_ms']:.2f} ms (ceiling {row['ceiling_p99_ms']:.2f})",
                    row["p99_ms"] <= DEPLOYED_P99 * row["ceiling_p99_ms"]))
    for name, row in tiers["cached"].items():
        cpu = row["cpu_ms_per_request"]
        out.append((f"cached {name}: CPU/request ≤ cache_page reference",
                    f"{cpu:.3f} ms (cache_page {cache_page:.3f})", cpu <= cache_page))
    for name, row in tiers["uncached"].items():
        cpu = row["cpu_ms_per_request"]
        out.append((f"uncached {name}: CPU/request ≤ {UNCACHED_CPU} × bare view reference",
                    f"{cpu:.3f} ms (bare view {bare:.3f})", cpu <= UNCACHED_CPU * bare))
    peak = max(results["memory_mib"].values())
    out.append(("peak RSS per gunicorn worker ≤ 60 MiB", f"{peak:.1f} MiB", peak <= 60))
    for name, counts in results["queries"].items():
        out.append((f"SQL queries {name} ≤ {MAX_QUERIES}, page cache off",
                    f"{counts['kept']} ({counts['emptied']} after a change)", counts["kept"] <= MAX_QUERIES))
    for name, s in results["lighthouse"].items():
        out.append((f"Lighthouse {name} performance ≥ 95", str(s["performance"]), s["performance"] >= 95))
        for category in ("accessibility", "best-practices", "seo"):
            out.append((f"Lighthouse {name} {category} = 100", str(s[category]), s[category] == 100))
        out.append((f"Lighthouse {name} LCP ≤ 2.0 s", f"{s['lcp_ms'] / 1000:.2f} s", s["lcp_ms"] <= 2000))
        out.append((f"Lighthouse {name} CLS ≤ 0.02", f"{s['cls']:.3f}", s["cls"] <= 0.02))
    if botox := results["lighthouse"].get("botox"):
        out.append(("Botox page transfer, cold, fonts and images included ≤ 200 KB",
                    f"{botox['transfer_bytes'] / 1024:.1f} KB", botox["transfer_bytes"] <= 200 * 1024))
        out.append(("Botox page JavaScript ≤ 10 KB", f"{botox['script_bytes'] / 1024:.1f} KB",
                    botox["script_bytes"] <= 10 * 1024))
    return out


def markdown_table(results):
    machine = results["machine"]
    lines = [
        f"Machine: {machine['cores']} cores; wrk {machine['connections']} connections, "
        f"{machine['rounds']} rounds of {machine['seconds']} s per page, app and ceiling "
        "alternating. SQL: queries of a render with the page cache off, every cache emptied / "
        "the next render.",
        "",
        "| tier | page | req/s | ceiling req/s | ratio | p50 ms | p99 ms | ceiling p99 ms | "
        "CPU ms/req | SQL | HTML B | CSS+JS B | worker peak MiB |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for tier, rows in results["tiers"].items():
        for name, row in rows.items():
            weight, queries = results["weight"][name], results["queries"][name]
            sql = f"{queries['emptied']} / {queries['kept']}" if tier == "uncached" else "–"
            lines.append(
                f"| {TIER_NAMES[tier]} | `{row['path']}` | {row['rps']:.0f} | "
                f"{row['ceiling_rps']:.0f} | 1/{1 / row['ratio']:.1f} | {row['p50_ms']:.2f} | "
                f"{row['p99_ms']:.2f} | {row['ceiling_p99_ms']:.2f} | {row['cpu_ms_per_request']:.3f} | "
                f"{sql} | "
                f"{weight['html_bytes']} | {weight['css_js_bytes']} | "
                f"{results['memory_mib'][tier]:.1f} |"
            )
    lines += ["", "References, same machine and run, each serving the Botox page's HTML with "
              "gunicorn on the same settings (bench/reference.py); ratio to the Botox ceiling:",
              "", "| reference | req/s | ratio | CPU ms/req |", "|---|---:|---:|---:|"]
    for name, row in results["references"].items():
        lines.append(f"| {name} | {row['rps']:.0f} | 1/{1 / row['ratio']:.1f} | "
                     f"{row['cpu_ms_per_request']:.3f} |")
    if results["lighthouse"]:
        lines += ["", "| Lighthouse (mobile) | performance | accessibility | best practices | SEO | "
                  "LCP s | CLS | transfer KB | JS KB |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for name, s in results["lighthouse"].items():
            lines.append(f"| `{s['path']}` | {s['performance']} | {s['accessibility']} | "
                         f"{s['best-practices']} | {s['seo']} | {s['lcp_ms'] / 1000:.2f} | {s['cls']:.3f} | "
                         f"{s['transfer_bytes'] / 1024:.1f} | {s['script_bytes'] / 1024:.1f} |")
    lines += ["", "| target | figure | |", "|---|---:|---|"]
    lines += [f"| {what} | {figure} | {'met' if met else '**short**'} |"
              for what, figure, met in verdicts(results)]
    return "\n".join(lines) + "\n"


def plot(results, path):
    """A bar chart of req/s per page and tier beside the ceiling, drawn with Pillow."""
    from PIL import Image, ImageDraw, ImageFont

    series = [("ceiling", "#9aa3ad")] + [(t, c) for t, c in zip(
        ("uncached", "cached", "deployed"), ("#c2410c", "#0f5c63", "#1d4ed8"))]
    width, height, left, bottom, top = 960, 540, 90, 70, 60
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=15)
    values = {}
    for name in PAGES:
        values[name] = {"ceiling": statistics.median(
            results["tiers"][t][name]["ceiling_rps"] for t in results["tiers"])}
        values[name].update({t: results["tiers"][t][name]["rps"] for t in results["tiers"]})
    peak = max(v for page in values.values() for v in page.values())
    plot_height = height - top - bottom
    draw.text((left, 20), "Requests/s per page and tier (wrk, loopback)", fill="black", font=font)
    draw.line((left, top, left, height - bottom, width - 20, height - bottom), fill="black")
    for step in range(5):
        y = height - bottom - plot_height * step / 4
        draw.text((10, y - 8), f"{peak * step / 4:,.0f}", fill="black", font=font)
        draw.line((left - 5, y, width - 20, y), fill="#e5e7eb")
    group = (width - left - 40) / len(PAGES)
    bar = group / (len(series) + 1)
    for index, (name, url_path) in enumerate(PAGES.items()):
        x0 = left + 20 + index * group
        for position, (key, colour) in enumerate(series):
            value = values[name][key]
            x = x0 + position * bar
            y = height - bottom - plot_height * value / peak
            draw.rectangle((x, y, x + bar - 4, height - bottom), fill=colour)
        draw.text((x0, height - bottom + 10), url_path, fill="black", font=font)
    for position, (key, colour) in enumerate(series):
        x = left + position * 180
        draw.rectangle((x, height - 30, x + 14, height - 16), fill=colour)
        draw.text((x + 20, height - 32), key, fill="black", font=font)
    image.save(path)


def main():
    bench = Bench()
    try:
        results = bench.run()
    finally:
        bench.stop_all()
        shutil.rmtree(bench.work, ignore_errors=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    targets = [{"target": what, "figure": figure, "met": met}
               for what, figure, met in verdicts(results)]
    (RESULTS / "results.json").write_text(json.dumps({**results, "targets": targets}, indent=2))
    table = markdown_table(results)
    (RESULTS / "results.md").write_text(table)
    plot(results, RESULTS / "results.png")
    print()
    print(table)
    print(f"Written: {RESULTS / 'results.json'}, results.md, results.png")


if __name__ == "__main__":
    main()
