"""Drives Debian's headless chromium through chromium-driver for Rhythm's browser tests.

Usage:
  browser.py            starts chromium, prints one JSON line {"ready": true, "browser": VERSION},
                        then reads one JSON list of steps per line from standard input and
                        answers each with one JSON line, until standard input closes

A step is an object with one of these keys:
  {"open": URL}                               loads a page on 127.0.0.1, localhost or [::1]
  {"window": {"width": W, "height": H}}       makes the viewport W x H; answers the one it got
  {"fill": LABEL, "text": TEXT}               types TEXT into the field labelled LABEL
  {"choose": LABEL}                           selects the radio button or checkbox labelled LABEL
  {"choose": OPTION, "in": LABEL}             picks OPTION in the drop-down list labelled LABEL
  {"click": TEXT}                             clicks the button or link that reads TEXT
  {"text": true}                              answers the page's visible text
  {"screenshot": PATH}                        saves the whole page (not just the window) as a PNG;
                                              answers the page's size (wider than the viewport:
                                              it scrolls sideways)
  {"axe": true}                               runs axe-core; answers its violations
"fill", "choose" and "click" may add "within": the text of a heading or legend, to look only
inside the form, fieldset, section or article it heads. Labels and texts are compared with
their white space collapsed.

An answer is {"ok": true, "url": ..., "title": ..., "results": [one object per step]}, or
{"ok": false, "failedStep": N (from 1), "error": ..., "results": [the steps before it]}
where the error names the step, what was missing and what the page showed.

Bounded everywhere: start-up (30 s), every step (60 s), page loads (20 s), and an idle
browser closes itself after 10 minutes. Chromium gets its own temporary profile, reaches
nothing but loopback addresses, and is killed with its driver at the end, also on SIGTERM.
"""
import base64
import contextlib
import importlib.resources
import ipaddress
import json
import os
import shutil
import signal
import sys
import tempfile
import urllib.parse

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
START_SECONDS = 30
STEP_SECONDS = 60
PAGE_LOAD_SECONDS = 20

# Whether clicking the element leaves the page: a link to another page (not an anchor in
# this one), or a button that submits its form.
NAVIGATES_SCRIPT = """
const element = arguments[0];
if (element.tagName === 'A') {
  const href = element.getAttribute('href');
  return !!href && !href.startsWith('#');
}
const type = (element.getAttribute('type') || 'submit').toLowerCase();
return !!element.form && (element.tagName === 'BUTTON' || element.tagName === 'INPUT') && type === 'submit';
"""
IDLE_SECONDS = 600
SHOWN_TEXT_LIMIT = 1500

try:
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.select import Select
    from selenium.webdriver.support.wait import WebDriverWait
except ImportError:
    print(json.dumps({"ready": False, "error": "python3-selenium is missing: run deploy/setup.sh test"}), flush=True)
    sys.exit(2)


class StepError(Exception):
    """A step that could not be done; the message says what was expected and what was found."""


class Timeout(Exception):
    """Raised by the alarm when start-up, a step or an idle wait runs past its bound."""


def on_alarm(signum, frame):
    raise Timeout()


@contextlib.contextmanager
def bounded(seconds):
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)


def normalized(text):
    return " ".join((text or "").split())


# Finds elements in the page; run through WebDriver, which the page's Content-Security-Policy
# does not restrict. arguments: what to find, the text, the `within` heading or null.
FIND_SCRIPT = r"""
const [kind, wanted, within] = arguments;
const norm = (s) => (s || "").replace(/\s+/g, " ").trim();
const shown = (e) => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
let scope = document;
if (within !== null) {
  const heads = [...document.querySelectorAll("h1,h2,h3,h4,h5,h6,legend")]
    .filter((h) => norm(h.innerText) === within);
  if (heads.length !== 1) return {error: heads.length + " headings or legends read \"" + within + "\"",
    known: [...document.querySelectorAll("h1,h2,h3,h4,h5,h6,legend")].map((h) => norm(h.innerText))};
  scope = heads[0].closest("form,fieldset,section,article") || document;
}
const labelOf = (e) => {
  const byID = (ids) => ids.split(/\s+/).map((id) => document.getElementById(id)).filter(Boolean);
  if (e.getAttribute("aria-labelledby")) return norm(byID(e.getAttribute("aria-labelledby")).map((l) => l.innerText).join(" "));
  if (e.labels && e.labels.length) return norm([...e.labels].map((l) => l.innerText).join(" "));
  return norm(e.getAttribute("aria-label"));
};
const nameOf = (e) => e.tagName === "INPUT" ? norm(e.value) : (norm(e.innerText) || norm(e.getAttribute("aria-label")));
const selectors = {
  field: "input:not([type=radio]):not([type=checkbox]):not([type=hidden]):not([type=submit]):not([type=button]),textarea",
  toggle: "input[type=radio],input[type=checkbox]",
  list: "select",
  action: "button,input[type=submit],input[type=button],a[href],[role=button]",
};
const candidates = [...scope.querySelectorAll(selectors[kind])].filter(shown);
const describe = kind === "action" ? nameOf : labelOf;
const found = candidates.filter((e) => describe(e) === wanted);
return {found, known: candidates.map(describe)};
"""


class Browser:
    """One headless chromium with its own profile, driven through chromedriver."""

    def __init__(self):
        for program, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
            if not os.access(program, os.X_OK):
                raise StepError(f"{program} is missing: install the Debian package {package} (deploy/setup.sh test)")
        self.profile = tempfile.mkdtemp(prefix="rhythm-browser-")
        self.driver_log = os.path.join(self.profile, "chromedriver.log")
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in (
            "--headless=new",
            f"--user-data-dir={self.profile}",
            # Every host but loopback goes to a proxy that is not there; chromium never sends
            # loopback traffic through a proxy. With the switches below nothing calls home.
            "--proxy-server=127.0.0.1:9",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-default-apps",
            "--disable-domain-reliability",
            "--disable-sync",
            "--disable-extensions",
            "--no-pings",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
        ):
            options.add_argument(argument)
        if os.geteuid() == 0:
            # Chromium refuses to start as root with its sandbox; CI runs the tests as root.
            options.add_argument("--no-sandbox")
        # Its own session, so the driver and the browser under it can be killed as a group.
        self.service = Service(CHROMEDRIVER, log_path=self.driver_log, popen_kw={"start_new_session": True})
        self.driver = None
        try:
            with bounded(START_SECONDS):
                self.driver = webdriver.Chrome(service=self.service, options=options)
        except (Timeout, WebDriverException) as error:
            reason = f"did not start within {START_SECONDS} s" if isinstance(error, Timeout) else normalized(str(error))
            log = ""
            with contextlib.suppress(OSError):
                log = normalized(open(self.driver_log, encoding="utf-8", errors="replace").read()[-800:])
            self.close()
            raise StepError(f"chromium {reason}; chromedriver's log ends: {log}")
        self.driver.set_page_load_timeout(PAGE_LOAD_SECONDS)
        self.driver.set_script_timeout(STEP_SECONDS - 10)
        self.version = self.driver.capabilities.get("browserVersion", "")

    def close(self):
        """Quits chromium and chromedriver, kills whatever is left of them, removes the profile."""
        signal.alarm(0)
        if self.driver is not None:
            with contextlib.suppress(Exception), bounded(10):
                self.driver.quit()
            self.driver = None
        process = getattr(self.service, "process", None)
        if process is not None:
            with contextlib.suppress(OSError):
                os.killpg(process.pid, signal.SIGKILL)
            with contextlib.suppress(Exception):
                process.wait(5)
        shutil.rmtree(self.profile, ignore_errors=True)

    # Steps

    def open(self, url):
        host = urllib.parse.urlsplit(url).hostname or ""
        try:
            loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            raise StepError(f"{url} is not on 127.0.0.1, localhost or [::1]; the tests reach nothing else")
        self.driver.get(url)
        return {}

    def window(self, size):
        """Makes the page's viewport (not the window around it) `size`, as a phone's screen is."""
        wanted = (int(size["width"]), int(size["height"]))
        self.driver.set_window_size(*wanted)
        inner = self.driver.execute_script("return [window.innerWidth, window.innerHeight]")
        if tuple(inner) != wanted:
            self.driver.set_window_size(2 * wanted[0] - inner[0], 2 * wanted[1] - inner[1])
            inner = self.driver.execute_script("return [window.innerWidth, window.innerHeight]")
        return {"viewport": {"width": inner[0], "height": inner[1]}}

    def find(self, kind, wanted, within, what):
        answer = self.driver.execute_script(FIND_SCRIPT, kind, normalized(wanted), within and normalized(within))
        if "error" in answer:
            raise StepError(f"{answer['error']} (the page has: {quoted(answer['known'])})")
        found = answer["found"]
        if len(found) != 1:
            count = "no" if not found else str(len(found))
            place = f" within \"{within}\"" if within else ""
            raise StepError(f"{count} {what} \"{wanted}\"{place} (the page has: {quoted(answer['known'])})")
        return found[0]

    def fill(self, label, text, within):
        field = self.find("field", label, within, "fields are labelled")
        kind = (field.get_attribute("type") or "").lower()
        if kind in ("date", "time", "datetime-local", "month", "week", "color", "range"):
            # Typing into these follows the browser's locale; set the value as a person's pick would.
            self.driver.execute_script(
                "arguments[0].value = arguments[1];"
                "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                field,
                text,
            )
            if field.get_attribute("value") != text:
                raise StepError(f"the {kind} field \"{label}\" does not take \"{text}\"")
        else:
            field.clear()
            field.send_keys(text)
        return {}

    def choose(self, label, list_label, within):
        if list_label is None:
            toggle = self.find("toggle", label, within, "radio buttons or checkboxes are labelled")
            if not toggle.is_selected():
                self.driver.execute_script("arguments[0].click()", toggle)
            return {}
        menu = Select(self.find("list", list_label, within, "drop-down lists are labelled"))
        options = [normalized(option.text) for option in menu.options]
        if normalized(label) not in options:
            raise StepError(f"the list \"{list_label}\" has no option \"{label}\" (it has: {quoted(options)})")
        menu.select_by_visible_text(menu.options[options.index(normalized(label))].text)
        return {}

    def click(self, text, within):
        element = self.find("action", text, within, "buttons or links read")
        navigates = self.driver.execute_script(NAVIGATES_SCRIPT, element)
        page = self.driver.find_element(By.TAG_NAME, "html")
        element.click()
        # A click that submits a form or follows a link returns once chromium starts the
        # navigation, while the old page is still there: wait until it is gone, then until
        # the new one has loaded, so that the next step reads the page the click led to.
        wait = WebDriverWait(self.driver, PAGE_LOAD_SECONDS)
        if navigates:
            wait.until(lambda driver: self.is_gone(page))
        wait.until(lambda driver: driver.execute_script("return document.readyState") == "complete")
        return {}

    @staticmethod
    def is_gone(element):
        """Whether `element` left with its page. Chromium tells this as a stale element, or
        mid-navigation as an inspector error about a node outside the document."""
        try:
            element.is_enabled()
            return False
        except WebDriverException:
            return True

    def text(self):
        return {"text": self.driver.execute_script("return document.body ? document.body.innerText : ''")}

    def screenshot(self, path):
        if not os.path.isabs(path):
            raise StepError(f"the screenshot path {path} is not absolute")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        width, height = self.driver.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
        )
        picture = self.driver.execute_cdp_cmd(
            "Page.captureScreenshot",
            {
                "format": "png",
                "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
            },
        )
        with open(path, "wb") as file:
            file.write(base64.b64decode(picture["data"]))
        return {"path": path, "page": {"width": width, "height": height}}

    def axe(self):
        try:
            package = importlib.resources.files("axe_core_python")
        except ImportError:
            raise StepError(
                f"axe-core is missing from {sys.executable}: run deploy/setup.sh test, which installs "
                "axe-core-python into .build/test-python, and set RHYTHM_TEST_PYTHON to that Python"
            )
        source = package.joinpath("axe.min.js").read_text(encoding="utf-8")
        self.driver.execute_script(source)
        results = self.driver.execute_async_script("const done = arguments[0]; axe.run(document).then(done);")
        violations = [
            {
                "id": violation["id"],
                "impact": violation.get("impact") or "",
                "help": violation.get("help", ""),
                "nodes": [
                    {"target": " ".join(map(str, node.get("target", []))), "html": node.get("html", "")}
                    for node in violation.get("nodes", [])
                ],
            }
            for violation in results.get("violations", [])
        ]
        return {"violations": violations, "axeVersion": results.get("testEngine", {}).get("version", "")}

    def run_step(self, step):
        within = step.get("within")
        if "open" in step:
            return self.open(step["open"])
        if "window" in step:
            return self.window(step["window"])
        if "fill" in step:
            return self.fill(step["fill"], step.get("text", ""), within)
        if "choose" in step:
            return self.choose(step["choose"], step.get("in"), within)
        if "click" in step:
            return self.click(step["click"], within)
        if "text" in step:
            return self.text()
        if "screenshot" in step:
            return self.screenshot(step["screenshot"])
        if "axe" in step:
            return self.axe()
        raise StepError(f"unknown step {json.dumps(step)}")

    def page_summary(self):
        """Where the browser is and the start of what it shows, for error messages."""
        with contextlib.suppress(Exception), bounded(10):
            shown = normalized(self.driver.execute_script("return document.body ? document.body.innerText : ''"))
            if len(shown) > SHOWN_TEXT_LIMIT:
                shown = shown[:SHOWN_TEXT_LIMIT] + " …"
            return f"the page {self.driver.current_url} (\"{self.driver.title}\") shows: {shown}"
        return "the page could not be read"

    def run(self, steps):
        results = []
        for number, step in enumerate(steps, start=1):
            try:
                with bounded(STEP_SECONDS):
                    results.append(self.run_step(step))
            except (StepError, Timeout, WebDriverException, KeyError, TypeError, ValueError) as error:
                if isinstance(error, Timeout):
                    reason = f"took longer than {STEP_SECONDS} s"
                elif isinstance(error, WebDriverException):
                    reason = normalized(error.msg or str(error))
                else:
                    reason = str(error)
                return {
                    "ok": False,
                    "failedStep": number,
                    "error": f"step {number} {json.dumps(step)}: {reason}; {self.page_summary()}",
                    "results": results,
                }
        return {"ok": True, "url": self.driver.current_url, "title": self.driver.title, "results": results}


def quoted(texts):
    return ", ".join(f"\"{text}\"" for text in texts if text) or "nothing of the kind"


def main():
    # A process started from a Swift test inherits the signal mask of a libdispatch thread,
    # which blocks SIGALRM and SIGTERM: the bounds and the clean exit need both.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    signal.signal(signal.SIGALRM, on_alarm)
    browser = None

    def stop(signum, frame):
        if browser is not None:
            browser.close()
        sys.exit(1)

    signal.signal(signal.SIGTERM, stop)
    try:
        browser = Browser()
    except StepError as error:
        print(json.dumps({"ready": False, "error": str(error)}), flush=True)
        sys.exit(2)
    try:
        print(json.dumps({"ready": True, "browser": browser.version}), flush=True)
        while True:
            try:
                with bounded(IDLE_SECONDS):
                    line = sys.stdin.readline()
            except Timeout:
                break
            if not line:
                break
            if not line.strip():
                continue
            try:
                steps = json.loads(line)
                if not isinstance(steps, list):
                    raise ValueError("expected a JSON list of steps")
            except ValueError as error:
                print(json.dumps({"ok": False, "failedStep": 0, "error": f"bad request: {error}", "results": []}))
            else:
                print(json.dumps(browser.run(steps)), flush=True)
            sys.stdout.flush()
    finally:
        browser.close()


if __name__ == "__main__":
    main()
