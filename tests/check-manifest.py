#!/usr/bin/python3
"""Checks the Flatpak manifests offline.

The flatpak-builder JSON Schema comes from ../shared/flatpak (the team's
copy of the one Flathub's linter uses); it is not copied into the project,
so without it the schema part is skipped, with a message. What Flathub's
rules ask beyond the schema is checked here: the app id, command and
runtime, exactly the four finish-args (no file system, no session bus, no
talk-names: files go through the portal, the keyring through the Secret
portal), and every source outside the app itself pinned by a checksum.

Usage: check-manifest.py MANIFEST [SCHEMA]. Exit 77 tells meson "skipped".
"""
import json
import os
import sys

APP_ID = "io.github.liaisoncrm.Liaison"
FINISH_ARGS = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"}
MIN_RUNTIME = 51

problems = []


def problem(message):
    problems.append(message)


def no_duplicate_keys(pairs):
    keys = [key for key, _ in pairs]
    for key in set(keys):
        if keys.count(key) > 1:
            problem(f"key {key!r} appears {keys.count(key)} times in one object")
    return dict(pairs)


def load_strict(path):
    # json.load already refuses comments and trailing commas; duplicate
    # keys it would silently merge.
    with open(path, encoding="utf-8") as f:
        return json.load(f, object_pairs_hook=no_duplicate_keys)


def check_rules(manifest, path):
    devel = path.endswith(".Devel.json")
    want_id = APP_ID + (".Devel" if devel else "")
    if manifest.get("id", manifest.get("app-id")) != want_id:
        problem(f"id is {manifest.get('id')!r}, expected {want_id!r}")
    if manifest.get("command") != "liaison":
        problem(f"command is {manifest.get('command')!r}, expected 'liaison'")
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        problem("runtime and sdk must be org.gnome.Platform and org.gnome.Sdk")
    version = str(manifest.get("runtime-version", ""))
    if not version.isdigit() or int(version) < MIN_RUNTIME:
        problem(f"runtime-version {version!r} is not a current GNOME runtime (>= {MIN_RUNTIME})")

    args = manifest.get("finish-args", [])
    if len(args) != len(set(args)) or set(args) != FINISH_ARGS:
        problem(f"finish-args are {args}, expected exactly {sorted(FINISH_ARGS)}")
    for arg in args:
        if arg.startswith(("--filesystem", "--talk-name", "--own-name", "--system-talk-name")) \
                or arg in ("--socket=session-bus", "--socket=system-bus"):
            problem(f"finish-arg {arg} gives access the app must not have")

    modules = manifest.get("modules", [])
    if not modules or not isinstance(modules[-1], dict) or modules[-1].get("name") != "liaison":
        problem("the last module must be the app itself, named 'liaison'")
    app_sources = modules[-1].get("sources", []) if modules and isinstance(modules[-1], dict) else []
    if not any(s.get("type") == "dir" for s in app_sources):
        problem("the app module must build from the local directory (a 'dir' source)")
    profile = "development" if devel else "default"
    if f"-Dprofile={profile}" not in (modules[-1].get("config-opts", []) if modules else []):
        problem(f"the app module must configure with -Dprofile={profile}")

    for module in modules:
        if not isinstance(module, dict):
            problem(f"module {module!r} is a separate file; keep modules inline so they are checked")
            continue
        if module.get("name") == "liaison":
            continue
        for source in module.get("sources", []):
            kind = source.get("type")
            if kind in ("archive", "file"):
                if "url" in source and not ("sha256" in source or "sha512" in source):
                    problem(f"{module['name']}: {source['url']} has no sha256")
                sha = source.get("sha256", "")
                if sha and (len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha)):
                    problem(f"{module['name']}: sha256 {sha!r} is not 64 hex digits")
                if source.get("url", "").startswith("http://"):
                    problem(f"{module['name']}: {source['url']} is not https")
            elif kind == "git":
                if "commit" not in source:
                    problem(f"{module['name']}: git source without a pinned commit")
            elif kind == "dir":
                problem(f"{module['name']}: a dependency built from a local directory is not pinned")
            elif kind not in ("patch", "shell", "script"):
                problem(f"{module['name']}: source type {kind!r} is not pinned by this check")


def check_schema(manifest, schema_path):
    try:
        import jsonschema
    except ImportError:
        return "python3-jsonschema is not installed (Debian: python3-jsonschema)"
    if not os.path.exists(schema_path):
        return f"{schema_path} is absent (the team's ../shared/flatpak)"
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft7Validator(schema)
    for error in sorted(validator.iter_errors(manifest), key=lambda e: list(e.path)):
        where = "/".join(str(p) for p in error.path) or "(top)"
        problem(f"schema: {where}: {error.message}")
    return None


def self_test(path):
    """Each breakage of the manifest must be caught by the rules."""
    global problems
    with open(path, encoding="utf-8") as f:
        text = f.read()
    mutations = {
        "home filesystem": lambda m: m["finish-args"].append("--filesystem=home"),
        "keyring talk-name": lambda m: m["finish-args"].append("--talk-name=org.freedesktop.secrets"),
        "session bus": lambda m: m["finish-args"].append("--socket=session-bus"),
        "missing wayland": lambda m: m["finish-args"].remove("--socket=wayland"),
        "unpinned archive": lambda m: m["modules"][0]["sources"][0].pop("sha256"),
        "short checksum": lambda m: m["modules"][0]["sources"][0].update(sha256="abc"),
        "unpinned git": lambda m: m["modules"][0].update(sources=[{"type": "git", "url": "https://example.org/x.git", "branch": "main"}]),
        "other command": lambda m: m.update(command="bash"),
        "old runtime": lambda m: m.update({"runtime-version": "43"}),
        "kde runtime": lambda m: m.update(runtime="org.kde.Platform"),
    }
    failures = 0
    for name, mutate in mutations.items():
        manifest = json.loads(text)
        mutate(manifest)
        problems = []
        check_rules(manifest, path)
        if not problems:
            print(f"not caught: {name}")
            failures += 1
    for name, broken in (("comment", text.replace("{", "{ // note\n", 1)),
                         ("duplicate key", text.replace('"command"', '"command": "x",\n  "command"', 1))):
        problems = []
        try:
            json.loads(broken, object_pairs_hook=no_duplicate_keys)
        except ValueError:
            continue
        if not problems:
            print(f"not caught: {name}")
            failures += 1
    print(f"self-test: {len(mutations) + 2 - failures} of {len(mutations) + 2} breakages caught")
    return 1 if failures else 0


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--self-test":
        return self_test(sys.argv[2])
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    path = sys.argv[1]
    schema_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "flatpak",
        "flatpak-manifest.schema.json")
    try:
        manifest = load_strict(path)
    except (OSError, ValueError) as e:
        print(f"{path}: not strict JSON: {e}")
        return 1

    check_rules(manifest, path)
    skipped = check_schema(manifest, schema_path)

    for p in problems:
        print(f"{os.path.basename(path)}: {p}")
    if problems:
        return 1
    if skipped:
        print(f"SKIP schema validation: {skipped}; the project's own rules passed")
        return 77
    print(f"{os.path.basename(path)}: valid against the flatpak-builder schema and the project's rules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
