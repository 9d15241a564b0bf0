#!/usr/bin/python3
"""What Debian 12's appstream 0.16 does not check, and Flathub asks for.

Usage: check-metainfo.py METAINFO DESKTOP APP_ID VERSION SOURCE_ROOT

appstreamcli validate runs as its own test; this one checks the <developer>
tag (newer than 0.16), that every screenshot is a file in data/screenshots
with a caption, releases with descriptions (the newest being this build's
version), light and dark branding colours, the OARS rating, the launchable
and the binary, the translation domain, and the desktop file's Icon and
StartupWMClass against the app id.
"""
import configparser
import os
import sys
import xml.etree.ElementTree as ET

problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


def main():
    metainfo, desktop, app_id, version, root = sys.argv[1:6]
    component = ET.parse(metainfo).getroot()

    check(component.get("type") == "desktop-application", "component type is not desktop-application")
    check(component.findtext("id") == app_id, f"<id> is {component.findtext('id')!r}, not {app_id!r}")
    check(component.findtext("name"), "no <name>")
    summary = component.findtext("summary") or ""
    check(summary and not summary.endswith(".") and len(summary) <= 60,
          f"<summary> {summary!r}: needed, under 60 characters, no final full stop")
    check(component.find("description/p") is not None, "<description> has no paragraph")

    developer = component.find("developer")
    check(developer is not None and developer.get("id") and developer.findtext("name"),
          "<developer id=…><name>…</name></developer> is missing")

    launchable = component.find("launchable")
    check(launchable is not None and launchable.get("type") == "desktop-id"
          and launchable.text == app_id + ".desktop",
          f"<launchable type=\"desktop-id\"> must be {app_id}.desktop")
    check(component.findtext("provides/binary") == "liaison", "<provides><binary>liaison</binary> is missing")
    translation = component.find("translation")
    check(translation is not None and translation.get("type") == "gettext" and translation.text == "liaison",
          "<translation type=\"gettext\">liaison</translation> is missing")
    rating = component.find("content_rating")
    check(rating is not None and rating.get("type", "").startswith("oars-"), "no OARS <content_rating>")
    check(component.find("url[@type='homepage']") is not None, "no homepage <url>")

    schemes = {c.get("scheme_preference") for c in component.findall("branding/color[@type='primary']")}
    check({"light", "dark"} <= schemes, "branding needs a primary colour for light and for dark")

    shots = component.findall("screenshots/screenshot")
    check(shots, "no screenshots")
    check(sum(1 for s in shots if s.get("type") == "default") == 1, "exactly one default screenshot")
    for shot in shots:
        url = shot.findtext("image") or ""
        name = url.rsplit("/", 1)[-1]
        check("/data/screenshots/" in url and os.path.isfile(os.path.join(root, "data", "screenshots", name)),
              f"screenshot {url} is not a file in data/screenshots")
        check((shot.findtext("caption") or "").strip(), f"screenshot {name} has no caption")

    releases = component.findall("releases/release")
    check(releases, "no releases")
    if releases:
        check(releases[0].get("version") == version,
              f"the newest release is {releases[0].get('version')}, the build is {version}")
    for release in releases:
        check(release.get("version") and release.get("date"), "a release without version or date")
        check(release.find("description/p") is not None or release.find("description/ul") is not None,
              f"release {release.get('version')} has no description")

    entry = configparser.ConfigParser(interpolation=None, strict=False)
    entry.optionxform = str
    entry.read(desktop, encoding="utf-8")
    section = entry["Desktop Entry"] if entry.has_section("Desktop Entry") else {}
    check(section.get("Icon") == app_id, f"desktop Icon is {section.get('Icon')!r}, not the app id")
    check(section.get("StartupWMClass") == app_id, "desktop StartupWMClass is not the app id")
    categories = section.get("Categories", "").split(";")
    check("Office" in categories and "ContactManagement" in categories,
          "desktop Categories must include Office;ContactManagement;")
    check(section.get("Exec", "").split()[0:1] == ["liaison"], "desktop Exec is not liaison")
    check(os.path.basename(desktop) == app_id + ".desktop", "the desktop file is not named after the app id")

    for icon in ("io.github.liaisoncrm.Liaison.svg", "io.github.liaisoncrm.Liaison-symbolic.svg",
                 "io.github.liaisoncrm.Liaison.Devel.svg"):
        check(os.path.isfile(os.path.join(root, "data", "icons", icon)), f"icon {icon} is missing")

    for p in problems:
        print(p)
    if not problems:
        print(f"{os.path.basename(metainfo)} and {os.path.basename(desktop)}: all checks passed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
