#!/usr/bin/env python3
"""The audit review page in a real browser: starts `warden serve` on a loopback port with a
fixture audit log, drives headless Chromium (Debian's `chromium` and `chromium-driver`, through
selenium) through every view, checks what is rendered, fails on any browser console error, and
saves screenshots.

    python3 Tests/browser/test_page.py [--warden .build/debug/warden] [--screenshots DIR]
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import audit_fixture  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OPTIONS = argparse.Namespace(warden=os.path.join(ROOT, ".build/debug/warden"),
                             screenshots=os.path.join(ROOT, ".build/browser-screenshots"))

SCRIPT_ACTOR = "<script>window.__xss = 1</script>"
IMG_ACTOR = '"><img src=x onerror="window.__xss = 2">'
LONG_RESOURCE = "{app:names|" + ("<b>long</b>" * 931) + "}"  # 10,253 characters


def now_micros():
    return int(time.time() * 1_000_000)


def write_fixture(path):
    """180 ordinary records over the last 23 hours, three hostile ones among them (op `xss.probe`)."""
    start = now_micros() - 23 * 3600 * 1_000_000
    step = (23 * 3600 * 1_000_000 - 10 * 60 * 1_000_000) // 180
    entries = []
    for index in range(180):
        entries.append((audit_fixture.varied(index), start + index * step))
        if index == 60:
            at = start + index * step + 1000
            entries.append((audit_fixture.entry(SCRIPT_ACTOR, "xss.probe", [("process.send", "{app:processes|0x1}", "deny", ["app.security:no_send"])], "deny", ("PERMISSION_DENIED", "<img src=x onerror=alert(1)>")), at))
            entries.append((audit_fixture.entry(IMG_ACTOR, "xss.probe", [("process.send", "</td><script>window.__xss=3</script>", "allow", ["app.security:allow_send"])], "allow"), at + 1000))
            entries.append((audit_fixture.entry("tenant:long", "xss.probe", [("process.register", LONG_RESOURCE, "deny", [])], "deny"), at + 2000))
    audit_fixture.write(path, entries)


def records(path):
    with open(path, encoding="utf-8") as log:
        return [json.loads(line) for line in log if line.strip()]


class ServedPage:
    """Starts `warden serve` over the log `prepare_log` writes, and a headless Chromium."""

    @classmethod
    def prepare_log(cls, path):
        write_fixture(path)
        verified = subprocess.run([OPTIONS.warden, "audit", "verify", path], capture_output=True, text=True)
        assert verified.returncode == 0, f"the fixture does not verify: {verified.stdout}{verified.stderr}"

    @classmethod
    def setUpClass(cls):
        cls.directory = tempfile.mkdtemp(prefix="warden-page-")
        cls.log = os.path.join(cls.directory, "audit.jsonl")
        cls.prepare_log(cls.log)
        cls.policies = os.path.join(ROOT, "policies")
        cls.server = subprocess.Popen(
            [OPTIONS.warden, "serve", "--policies", cls.policies, "--audit-source", cls.log, "--listen", "127.0.0.1:0"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = cls.server.stdout.readline()
        match = re.search(r"http://[0-9.]+:[0-9]+", line)
        assert match, f"no address in {line!r}"
        cls.url = match.group(0)
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,800",
                         "--force-device-scale-factor=1", "--lang=en-US"]:
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        cls.driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
        cls.driver.set_window_size(1280, 800)
        os.makedirs(OPTIONS.screenshots, exist_ok=True)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.terminate()
        cls.server.wait(timeout=20)
        shutil.rmtree(cls.directory, ignore_errors=True)

    def tearDown(self):
        errors = [entry for entry in self.driver.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]
        self.assertEqual(errors, [], "the browser console reported errors")
        self.assertIsNone(self.driver.execute_script("return window.__xss"), "injected script ran")

    # helpers

    def wait(self, condition, seconds=20, message=""):
        # The page re-renders its views while the condition polls them: an element found by one
        # poll may be replaced before its text is read. That poll counts as "not yet".
        try:
            return WebDriverWait(self.driver, seconds, poll_frequency=0.1,
                                 ignored_exceptions=[StaleElementReferenceException]).until(lambda driver: condition())
        except TimeoutException:
            self.fail(f"timed out waiting: {message}")

    def open(self, fragment):
        self.driver.get(f"{self.url}/#{fragment}")
        self.driver.refresh()

    def rows(self):
        return self.driver.find_elements(By.CSS_SELECTOR, "#records tbody tr")

    def row_ids(self):
        return self.driver.execute_script("return [...document.querySelectorAll('#records tbody tr')].map(r => r.dataset.id)")

    def shot(self, name):
        self.driver.save_screenshot(os.path.join(OPTIONS.screenshots, f"{name}.png"))

    def api(self, path, body=None):
        request = urllib.request.Request(self.url + path, data=None if body is None else json.dumps(body).encode())
        with urllib.request.urlopen(request) as answer:
            return json.loads(answer.read())

    def live_records(self):
        return [r for r in records(self.log) if "checkpoint" not in r]


class PageTests(ServedPage, unittest.TestCase):
    """Every view over a log that verifies."""

    def test_01_live_list_shows_the_newest_page(self):
        self.open("live")
        self.wait(lambda: len(self.rows()) == 50, message="50 rows")
        self.assertFalse(self.driver.find_element(By.ID, "token-form").is_displayed(), "asked for a token nobody needs")
        expected = [r["id"] for r in reversed(self.live_records())][:50]
        self.assertEqual(self.row_ids(), expected)
        first = self.rows()[0]
        newest = self.live_records()[-1]
        self.assertEqual(first.find_element(By.CSS_SELECTOR, "td a").text, str(newest["seq"]))
        self.wait(lambda: "live" in self.driver.find_element(By.ID, "live-state").text, message="stream connected")
        denied = [row for row in self.rows() if "deny" in row.get_attribute("class").split()]
        self.assertTrue(denied)
        for row in denied:
            self.assertIn("\u2715 DENY", row.text.upper())
        self.shot("live")

    def test_02_paging_walks_the_whole_store(self):
        self.open("live")
        self.wait(lambda: len(self.rows()) == 50, message="first page")
        button = self.driver.find_element(By.ID, "older")
        while button.is_enabled():
            count = len(self.rows())
            button.click()
            self.wait(lambda: len(self.rows()) > count or "oldest" in self.driver.find_element(By.ID, "older-state").text,
                      message="next page")
        ids = self.row_ids()
        self.assertEqual(len(ids), len(set(ids)))
        self.assertEqual(ids, [r["id"] for r in reversed(self.live_records())])
        self.assertIn("oldest", self.driver.find_element(By.ID, "older-state").text)

    def test_03_filters_go_into_the_url_and_come_back_from_it(self):
        self.open("live")
        form = self.driver.find_element(By.ID, "filters")
        form.find_element(By.NAME, "actor").send_keys("tenant:*")
        form.find_element(By.NAME, "decision").send_keys("deny")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        expected = [r["id"] for r in reversed(self.live_records())
                    if r["decision"] == "deny" and (r["caller"]["actor"] or {}).get("id", "").startswith("tenant:")][:50]
        self.wait(lambda: self.row_ids() == expected, message="filtered rows")
        self.assertIn("decision=deny", self.driver.current_url)
        self.assertIn("actor=tenant%3A*", self.driver.current_url)
        self.driver.get(f"{self.url}/#live?actor=user%3Aalice")
        self.driver.refresh()
        alice = [r["id"] for r in reversed(self.live_records()) if (r["caller"]["actor"] or {}).get("id") == "user:alice"][:50]
        self.wait(lambda: self.row_ids() == alice, message="rows of the shared URL")
        self.assertEqual(self.driver.find_element(By.NAME, "actor").get_attribute("value"), "user:alice")

    def test_04_records_written_after_connecting_appear_at_the_top(self):
        self.open("live")
        self.wait(lambda: "live" in self.driver.find_element(By.ID, "live-state").text, message="stream connected")
        audit_fixture.write(self.log, [(audit_fixture.varied(3), now_micros()), (audit_fixture.varied(4), now_micros() + 1000)])
        newest = self.live_records()[-2:]
        self.wait(lambda: self.row_ids()[:2] == [newest[1]["id"], newest[0]["id"]], message="streamed rows")
        self.assertIn("fresh", self.rows()[0].get_attribute("class"))

    def test_05_a_record_shows_its_checks_caller_and_chain_position(self):
        self.open("live")
        self.wait(lambda: len(self.rows()) >= 50, message="rows")
        # The newest denied call a Lua process made: its record names the call site.
        denied = next(r for r in reversed(self.live_records()) if r["decision"] == "deny" and "site" in r["caller"])
        link = self.driver.find_element(By.CSS_SELECTOR, f'#records tr[data-id="{denied["id"]}"] td a')
        link.click()
        self.wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, "#record-checks tbody tr"), message="record view")
        body = self.driver.find_element(By.ID, "record-body").text
        check = denied["checks"][0]
        cells = [c.text for c in self.driver.find_elements(By.CSS_SELECTOR, "#record-checks tbody tr td")]
        self.assertEqual(cells[0], check["action"])
        self.assertEqual(cells[1], check["resource"])
        self.assertIn("DENY", cells[2].upper())
        self.assertEqual(cells[3], ", ".join(check["policies"]))
        self.assertIn(denied["hash"], body)
        self.assertIn(denied["error"]["message"], body)
        self.assertIn(f"Call site\n{denied['caller']['site']}", body)
        # The chain line fills in when the verification answers, after the record shows.
        self.wait(lambda: "verifies up to this record" in self.driver.find_element(By.ID, "record-chain").text,
                  message="the record's chain line")
        self.assertEqual(self.driver.find_element(By.ID, "record-chain").get_attribute("class"), "ok")
        self.shot("record")

    def test_06_overview_draws_the_chart_and_the_top_denied_lists(self):
        self.open("overview?range=24h")
        self.wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, "#chart-svg rect.bar-deny"), message="chart")
        self.wait(lambda: "verifies" in self.driver.find_element(By.ID, "chain-verdict").text, message="chain status")
        stats = self.api("/v1/audit/stats?since=24h&bucket=15m")
        allow_bars = self.driver.find_elements(By.CSS_SELECTOR, "#chart-svg rect.bar-allow")
        deny_bars = self.driver.find_elements(By.CSS_SELECTOR, "#chart-svg rect.bar-deny")
        self.assertEqual(len(allow_bars), sum(1 for b in stats["buckets"] if b["allow"] > 0))
        self.assertEqual(len(deny_bars), sum(1 for b in stats["buckets"] if b["deny"] > 0))
        titles = self.driver.execute_script("return [...document.querySelectorAll('#chart-svg g.bucket title')].map(t => t.textContent)")
        denied_total = sum(int(re.search(r"(\d+) denied", t).group(1)) for t in titles)
        self.assertEqual(denied_total, sum(1 for r in self.live_records() if r["decision"] == "deny"))
        counts = {}
        for r in self.live_records():
            if r["decision"] == "deny":
                actor = (r["caller"]["actor"] or {}).get("id")
                counts[actor] = counts.get(actor, 0) + 1
        top = max(counts.items(), key=lambda item: (item[1], item[0] is None))
        first = self.driver.find_element(By.CSS_SELECTOR, "#top-denied-actors li").text
        self.assertIn(f"\u00d7 {top[1]}", first)
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "#top-denied-actions li"))
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "#top-denied-resources li"))
        self.shot("overview")

    def test_07_dry_run_answers_what_warden_check_answers(self):
        self.open("dry-run")
        form = self.driver.find_element(By.ID, "check-form")
        form.find_element(By.NAME, "call").send_keys("spawn_linked app.workers:handler app:processes")
        form.find_element(By.NAME, "actor").send_keys("tenant:acme")
        form.find_element(By.NAME, "meta").send_keys('{"tier": "free"}')
        form.find_element(By.NAME, "groups").send_keys("app.security:tenants")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        self.wait(lambda: form.find_elements(By.CSS_SELECTOR, ".checks tbody tr"), message="check answer")
        cli = subprocess.run(
            [OPTIONS.warden, "check", "--policies", self.policies, "--actor", "tenant:acme", "--actor-meta", '{"tier":"free"}',
             "--group", "app.security:tenants", "--format", "json", "spawn_linked", "app.workers:handler", "app:processes"],
            capture_output=True, text=True)
        expected = json.loads(cli.stdout)
        verdict = form.find_element(By.CSS_SELECTOR, ".verdict")
        self.assertEqual(verdict.get_attribute("data-verdict"), expected["verdict"])
        rows = form.find_elements(By.CSS_SELECTOR, ".checks tbody tr")
        self.assertEqual([[c.text for c in row.find_elements(By.TAG_NAME, "td")][:2] for row in rows],
                         [[c["action"], c["resource"]] for c in expected["checks"]])
        self.assertEqual([row.find_elements(By.TAG_NAME, "td")[2].text.split()[-1].lower() for row in rows],
                         [c["decision"] for c in expected["checks"]])
        decide = self.driver.find_element(By.ID, "decide-form")
        decide.find_element(By.NAME, "action").send_keys("process.terminate")
        decide.find_element(By.NAME, "resource").send_keys("{app:processes|0x00002}")
        decide.find_element(By.NAME, "actor").send_keys("ops")
        decide.find_element(By.NAME, "meta").send_keys('{"role": "admin"}')
        decide.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        self.wait(lambda: decide.find_elements(By.CSS_SELECTOR, ".verdict"), message="decide answer")
        answer = self.api("/v1/decide", {"actor": {"id": "ops", "meta": {"role": "admin"}}, "action": "process.terminate",
                                         "resource": "{app:processes|0x00002}"})
        self.assertEqual(decide.find_element(By.CSS_SELECTOR, ".verdict").get_attribute("data-verdict"), answer["decision"])
        self.assertIn(", ".join(answer["policies"]), decide.find_element(By.CSS_SELECTOR, ".result").text)
        decide.find_element(By.NAME, "meta").clear()
        decide.find_element(By.NAME, "meta").send_keys("{not json")
        decide.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        self.wait(lambda: "not valid JSON" in decide.find_element(By.CSS_SELECTOR, ".result").text, message="meta error")
        self.shot("dry-run")

    def test_08_policies_show_the_revision_and_the_list(self):
        self.open("policies")
        answer = self.api("/v1/policies")
        self.wait(lambda: self.driver.find_element(By.ID, "policy-revision").text == answer["revision"], message="revision")
        rows = self.driver.find_elements(By.CSS_SELECTOR, "#policy-table tbody tr")
        self.assertEqual([r.find_element(By.TAG_NAME, "td").text for r in rows], [p["id"] for p in answer["policies"]])
        self.assertIn("ok", self.driver.find_element(By.ID, "policy-summary").text)

    def test_09_hostile_values_show_as_text_and_nothing_runs(self):
        self.open("live?op=xss.probe")
        self.wait(lambda: len(self.rows()) == 3, message="the three hostile records")
        actors = [cell.text for cell in self.driver.find_elements(By.CSS_SELECTOR, "#records tbody td.actor")]
        self.assertEqual(actors, ["tenant:long", IMG_ACTOR, SCRIPT_ACTOR])
        resource = self.driver.execute_script("return document.querySelector('#records tbody tr td.mono.wide').textContent")
        self.assertEqual(resource, LONG_RESOURCE)
        self.assertGreater(len(resource), 10_000)
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "main img, main b, main script, #records tbody script"), [])
        self.assertEqual(len(self.driver.find_elements(By.CSS_SELECTOR, "#records tbody td")), 3 * 8)
        self.shot("xss-list")
        self.rows()[1].find_element(By.CSS_SELECTOR, "td a").click()
        self.wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, "#record-checks tbody tr"), message="hostile record view")
        body = self.driver.find_element(By.ID, "record-body").text
        self.assertIn(IMG_ACTOR, body)
        self.assertIn("</td><script>window.__xss=3</script>", body)
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "main img, main script"), [])
        self.driver.get(f"{self.url}/#live?op=xss.probe&actor={SCRIPT_ACTOR}")
        self.driver.refresh()
        self.wait(lambda: len(self.rows()) == 1, message="filter by the script actor")
        self.assertEqual(self.driver.find_element(By.NAME, "actor").get_attribute("value"), SCRIPT_ACTOR)
        time.sleep(0.5)  # give anything injected the chance to run before tearDown looks

    def test_10_keyboard_reaches_every_view(self):
        self.open("live")
        self.wait(lambda: len(self.rows()) == 50, message="rows")
        self.driver.execute_script("document.querySelector('.skip').focus()")
        reached = None
        for _ in range(10):
            self.driver.switch_to.active_element.send_keys(Keys.TAB)
            active = self.driver.switch_to.active_element
            if active.get_attribute("data-view") == "overview":
                reached = active
                break
        self.assertIsNotNone(reached, "tab never reached the Overview link")
        reached.send_keys(Keys.ENTER)
        self.wait(lambda: self.driver.find_element(By.ID, "view-overview").is_displayed(), message="overview by keyboard")
        self.open("live")
        self.wait(lambda: len(self.rows()) == 50, message="rows")
        link = self.rows()[0].find_element(By.CSS_SELECTOR, "td a")
        self.driver.execute_script("arguments[0].focus()", link)
        self.driver.switch_to.active_element.send_keys(Keys.ENTER)
        self.wait(lambda: self.driver.find_element(By.ID, "view-record").is_displayed(), message="record by keyboard")

    def test_11_narrow_window_has_no_sideways_scrolling(self):
        self.driver.set_window_size(420, 860)
        try:
            for fragment in ["live", "overview", "dry-run", "policies"]:
                self.open(fragment)
                time.sleep(0.8)
                overflow = self.driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
                self.assertLessEqual(overflow, 0, f"{fragment} scrolls sideways by {overflow}px")
                self.shot(f"narrow-{fragment}")
        finally:
            self.driver.set_window_size(1280, 800)

    def test_12_the_page_carries_a_strict_content_security_policy(self):
        with urllib.request.urlopen(self.url + "/") as answer:
            policy = answer.headers["Content-Security-Policy"]
            html = answer.read().decode()
        self.assertIn("script-src 'self'", policy)
        self.assertNotIn("unsafe", policy)
        self.assertNotIn("<script>", html)
        self.assertNotIn("style=", html)


class TamperedLogTests(ServedPage, unittest.TestCase):
    """A log someone edited: one denied call turned into an allowed one without re-hashing."""

    @classmethod
    def prepare_log(cls, path):
        write_fixture(path)
        with open(path, encoding="utf-8") as log:
            lines = log.read().splitlines()
        cls.edited = next(index for index, line in enumerate(lines[100:], start=100)
                          if json.loads(line).get("decision") == "deny")
        record = json.loads(lines[cls.edited])
        record["decision"] = "allow"
        lines[cls.edited] = json.dumps(record, separators=(",", ":"))
        with open(path, "w", encoding="utf-8") as log:
            log.write("\n".join(lines) + "\n")
        cls.records = [json.loads(line) for line in lines]
        verified = subprocess.run([OPTIONS.warden, "audit", "verify", path], capture_output=True, text=True)
        assert verified.returncode == 1, f"the edited fixture verifies: {verified.stdout}{verified.stderr}"

    def test_01_the_overview_says_the_chain_is_broken_and_where(self):
        self.open("overview?range=24h")
        self.wait(lambda: "BROKEN" in self.driver.find_element(By.ID, "chain-verdict").text, message="broken chain")
        verdict = self.driver.find_element(By.ID, "chain-verdict")
        self.assertEqual(verdict.get_attribute("class"), "bad")
        self.assertIn(f"seq {self.records[self.edited]['seq']}", verdict.text)
        self.shot("overview-broken-chain")

    def test_02_a_record_before_the_break_says_the_chain_breaks_later(self):
        before = self.records[self.edited - 5]
        self.open(f"record/{before['id']}")
        self.wait(lambda: "breaks later" in self.driver.find_element(By.ID, "record-chain").text,
                  message="the chain line of a record before the break")
        self.assertIn(f"seq {self.records[self.edited]['seq']}", self.driver.find_element(By.ID, "record-chain").text)

    def test_03_the_edited_record_does_not_verify(self):
        self.open(f"record/{self.records[self.edited]['id']}")
        self.wait(lambda: "DOES NOT VERIFY" in self.driver.find_element(By.ID, "record-chain").text,
                  message="the chain line of the edited record")
        self.assertEqual(self.driver.find_element(By.ID, "record-chain").get_attribute("class"), "bad")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warden", default=OPTIONS.warden)
    parser.add_argument("--screenshots", default=OPTIONS.screenshots)
    arguments, rest = parser.parse_known_args()
    OPTIONS.warden = os.path.abspath(arguments.warden)
    OPTIONS.screenshots = os.path.abspath(arguments.screenshots)
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == "__main__":
    main()
