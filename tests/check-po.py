#!/usr/bin/python3
"""Checks that a translation is complete against the current sources.

    check-po.py SOURCE_ROOT LANG      e.g. check-po.py . de
    check-po.py --self-test SOURCE_ROOT LANG
    check-po.py --list SOURCE_ROOT LANG    (for tests/test-german)

Builds a fresh template with xgettext over po/POTFILES (the options of
meson's glib preset, so it matches `ninja liaison-pot`; the pot in po/ is
not trusted, it may be stale or absent), then fails when po/LANG.po

  - lacks a msgid of the template,
  - has an untranslated or fuzzy entry,
  - has a plural entry without every form of its Plural-Forms header,
  - or fails `msgfmt --check` (format directives, header) or keeps the
    mnemonic underscore of a label in other than one place.

Every offending entry is printed with its source reference. --self-test
breaks a copy of the translation in each of those ways and fails unless
every break is reported, so a checker that passes everything is caught.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

# meson's i18n module, preset 'glib' (mesonbuild/modules/i18n.py), plus
# what its potgen script adds (-k_, --package-name, -D source root).
XGETTEXT_GLIB_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]


# --- a small PO reader (python3-polib is not in Debian's default install) ---

ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', '"': '"', '\\': '\\', 'a': '\a', 'b': '\b',
           'f': '\f', 'v': '\v'}


def unquote(text, where):
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError('%s: not a quoted string: %s' % (where, text))
    return re.sub(r'\\(.)', lambda m: ESCAPES.get(m.group(1), m.group(1)), text[1:-1])


class Entry:
    def __init__(self):
        self.refs = []
        self.flags = set()
        self.ctxt = None
        self.msgid = None
        self.plural = None
        self.msgstr = {}
        self.obsolete = False
        self.line = 0

    @property
    def key(self):
        return (self.ctxt, self.msgid)

    def describe(self):
        text = self.msgid if len(self.msgid) <= 70 else self.msgid[:67] + '...'
        where = ' '.join(self.refs[:3]) or 'no source reference'
        if len(self.refs) > 3:
            where += ' …'
        ctxt = '[%s] ' % self.ctxt if self.ctxt else ''
        return '%s"%s" (%s)' % (ctxt, text.replace('\n', '\\n'), where)


def read_po(path):
    entries = []
    entry = Entry()
    field = None
    with open(path, encoding='utf-8') as po:
        for number, raw in enumerate(po, 1):
            where = '%s:%d' % (path, number)
            line = raw.rstrip('\n')
            obsolete = line.startswith('#~')
            if obsolete:
                line = line[2:].lstrip()
            if not line.strip():
                continue
            # Comments, msgctxt or msgid after a msgstr begin the next entry.
            if entry.msgstr and (line.startswith('#') or re.match(r'msg(ctxt|id)\s', line)):
                entries.append(entry)
                entry, field = Entry(), None
            entry.obsolete = entry.obsolete or obsolete
            if line.startswith('#:'):
                entry.refs += line[2:].split()
                continue
            if line.startswith('#,'):
                entry.flags |= {f.strip() for f in line[2:].split(',')}
                continue
            if line.startswith('#'):
                continue
            match = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$', line)
            if match:
                keyword, index, value = match.group(1), match.group(2), unquote(match.group(3), where)
                if keyword == 'msgctxt':
                    entry.ctxt, field = value, ('ctxt', None)
                elif keyword == 'msgid':
                    entry.msgid, entry.line, field = value, number, ('msgid', None)
                elif keyword == 'msgid_plural':
                    entry.plural, field = value, ('plural', None)
                else:
                    n = int(index) if index is not None else 0
                    entry.msgstr[n], field = value, ('msgstr', n)
                continue
            if line.startswith('"') and field is not None:
                value = unquote(line, where)
                if field[0] == 'msgstr':
                    entry.msgstr[field[1]] += value
                else:
                    setattr(entry, field[0], getattr(entry, field[0]) + value)
                continue
            raise ValueError('%s: cannot read: %s' % (where, line))
    if entry.msgid is not None:
        entries.append(entry)
    return entries


# --- the checks ---

def fresh_template(root, workdir):
    """The template the sources give now, as `ninja liaison-pot` would."""
    pot = os.path.join(workdir, 'fresh.pot')
    xgettext = shutil.which('xgettext')
    if xgettext is None:
        sys.exit('xgettext is missing: install gettext')
    result = subprocess.run([xgettext, '--package-name=liaison', '-p', workdir,
                             '-f', os.path.join(root, 'po', 'POTFILES'), '-D', root,
                             '-k_', '-o', 'fresh.pot'] + XGETTEXT_GLIB_ARGS,
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit('xgettext failed:\n' + result.stderr)
    return read_po(pot)


def nplurals_of(header):
    match = re.search(r'^Plural-Forms:.*\bnplurals\s*=\s*(\d+)', header, re.M)
    return int(match.group(1)) if match else None


def problems(po_path, template):
    """Each problem as a line; none when the translation is complete."""
    found = []
    try:
        translation = read_po(po_path)
    except (OSError, ValueError) as error:
        return ['cannot read %s: %s' % (po_path, error)]

    headers = [e for e in translation if e.msgid == '' and not e.obsolete]
    nplurals = nplurals_of(headers[0].msgstr.get(0, '')) if headers else None
    if nplurals is None:
        found.append('%s has no Plural-Forms header with nplurals' % po_path)
        nplurals = 2

    current = {e.key: e for e in translation if not e.obsolete and e.msgid != ''}
    for wanted in template:
        if wanted.msgid == '':
            continue
        entry = current.get(wanted.key)
        if entry is None:
            found.append('missing: ' + wanted.describe())
            continue
        # The template's references are today's; de.po's may be older.
        entry.refs = wanted.refs
        if 'fuzzy' in entry.flags:
            found.append('fuzzy: ' + entry.describe())
        if wanted.plural is not None:
            if entry.plural is None:
                found.append('not a plural entry (the source has a plural): ' + entry.describe())
                continue
            forms = [entry.msgstr.get(n, '') for n in range(nplurals)]
            if all(forms) and len(entry.msgstr) == nplurals:
                continue
            if not any(forms):
                found.append('untranslated: ' + entry.describe())
            else:
                missing = [str(n) for n in range(nplurals) if not entry.msgstr.get(n)]
                extra = [str(n) for n in entry.msgstr if n >= nplurals]
                found.append('plural forms %s: %s' % (
                    ('msgstr[%s] missing' % ','.join(missing)) if missing
                    else ('msgstr[%s] beyond nplurals=%d' % (','.join(extra), nplurals)),
                    entry.describe()))
        elif not entry.msgstr.get(0):
            found.append('untranslated: ' + entry.describe())

    msgfmt = shutil.which('msgfmt')
    if msgfmt is None:
        found.append('msgfmt is missing: install gettext')
    else:
        result = subprocess.run([msgfmt, '--check', '--check-accelerators=_',
                                 '-o', os.devnull, po_path], capture_output=True, text=True)
        if result.returncode != 0:
            found += ['msgfmt: ' + line for line in result.stderr.splitlines()
                      if line and not line.startswith('msgfmt: found')]
            found.append('msgfmt --check failed for %s' % po_path)
    return found


# --- the self-test: each kind of fault must be reported ---

def self_test(root, lang, template):
    po_path = os.path.join(root, 'po', lang + '.po')
    text = open(po_path, encoding='utf-8').read()
    if problems(po_path, template):
        print('self-test: %s must be clean first' % po_path)
        return 1

    singles = [e for e in template if e.msgid and e.plural is None]
    formats = [e for e in singles if e.ctxt is None and '%s' in e.msgid and '\n' not in e.msgid]
    mnemonics = [e for e in singles if e.ctxt is None and e.msgid.count('_') == 1
                 and re.search(r'_\w', e.msgid) and '%' not in e.msgid]
    plurals = [e for e in template if e.plural is not None and e.ctxt is None]
    if not (formats and mnemonics and plurals):
        print('self-test: the template lacks a format string, a mnemonic or a plural')
        return 1

    def msgid_line(msgid):
        return 'msgid "%s"\n' % msgid.replace('\\', '\\\\').replace('"', '\\"')

    def break_entry(msgid, change):
        """Applies @change to the text from the entry's msgid line on."""
        start = text.index(msgid_line(msgid))
        end = text.find('\n\n', start)
        end = len(text) if end < 0 else end
        return text[:start] + change(text[start:end]) + text[end:]

    plural = plurals[0]
    # (what is broken, how the report must say it, the broken text)
    cases = [
        ('a msgid of the sources is missing', r'missing: ',
         break_entry(singles[-1].msgid,
                     lambda block: re.sub(r'^msgid "', 'msgid "no longer in the sources: ', block, count=1))),
        ('an entry is untranslated', r'untranslated: ',
         break_entry(singles[0].msgid, lambda block: re.sub(r'\nmsgstr ".*"(\n".*")*$', '\nmsgstr ""', block))),
        ('an entry is fuzzy', r'fuzzy: ',
         text.replace(msgid_line(singles[1].msgid), '#, fuzzy\n' + msgid_line(singles[1].msgid), 1)),
        ('a plural form is missing', r'plural forms msgstr\[1\] missing: ',
         break_entry(plural.msgid, lambda block: re.sub(r'\nmsgstr\[1\] .*(\n".*")*', '', block))),
        ('a format directive differs', r'msgfmt: .*format specification',
         break_entry(formats[0].msgid, lambda block: re.sub(r'(\nmsgstr ".*)%s', r'\1%d', block, count=1))),
        ('a mnemonic is lost', r'msgfmt: .*keyboard accelerator',
         break_entry(mnemonics[0].msgid, lambda block: re.sub(r'(\nmsgstr ".*?)_', r'\1', block, count=1))),
    ]

    failures = 0
    with tempfile.TemporaryDirectory() as workdir:
        for what, expected, broken in cases:
            if broken == text:
                print('not ok - could not break the translation: %s' % what)
                failures += 1
                continue
            path = os.path.join(workdir, lang + '.po')
            with open(path, 'w', encoding='utf-8') as out:
                out.write(broken)
            reported = problems(path, template)
            if any(re.match(expected, line) for line in reported):
                print('ok - reported when %s' % what)
            else:
                print('not ok - not reported when %s: %s' % (what, reported))
                failures += 1
    return 1 if failures else 0


def list_entries(root, lang, template):
    """What tests/test-german reads: each msgid of the sources with its
    translation, fields split by US and records by RS (neither is in any
    string): context, msgid, plural, references, then the msgstr forms,
    none for an untranslated or fuzzy entry."""
    translated = {e.key: e for e in read_po(os.path.join(root, 'po', lang + '.po'))
                  if not e.obsolete and 'fuzzy' not in e.flags}
    out = []
    for entry in template:
        if not entry.msgid:
            continue
        found = translated.get(entry.key)
        forms = [found.msgstr[n] for n in sorted(found.msgstr)] if found else []
        if not all(forms):
            forms = []
        out.append('\x1f'.join([entry.ctxt or '', entry.msgid, entry.plural or '',
                                ' '.join(entry.refs[:3])] + forms))
    sys.stdout.write('\x1e'.join(out))
    return 0


def main(argv):
    testing = '--self-test' in argv
    listing = '--list' in argv
    args = [a for a in argv if a not in ('--self-test', '--list')]
    if len(args) != 2:
        sys.exit(__doc__)
    root, lang = os.path.abspath(args[0]), args[1]
    with tempfile.TemporaryDirectory() as workdir:
        template = fresh_template(root, workdir)
    if testing:
        return self_test(root, lang, template)
    if listing:
        return list_entries(root, lang, template)

    po_path = os.path.join(root, 'po', lang + '.po')
    found = problems(po_path, template)
    for line in found:
        print(line)
    total = len([e for e in template if e.msgid])
    if found:
        print('%s: %d problem(s) against %d msgids of the current sources' % (po_path, len(found), total))
        return 1
    print('%s: all %d msgids of the current sources translated' % (po_path, total))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
