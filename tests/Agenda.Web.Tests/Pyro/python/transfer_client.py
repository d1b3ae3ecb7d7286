"""A stock Pyro4 client moving files through agenda.contacts: a card written by python3-vobject and a broken one go in
with import_vcard (dry run first), the report is a plain dict naming the broken card's index, line and snake_case path;
export_vcard's str is read back by vobject with the same fields, in 4.0 and 3.0 and filtered by group; an export
imported again changes nothing, and a card edited in vobject updates its contact by UID. Then CSV both ways, and the
TypeError and ValueError a Python user expects. Run against an empty Agenda. Exits non-zero on the first wrong result."""
import Pyro4
import vobject

contacts = Pyro4.Proxy("PYRONAME:agenda.contacts")
contacts._pyroTimeout = 30


def raises(kind, call, *words):
    try:
        call()
    except kind as e:
        for word in words:
            assert word in str(e), f"{word!r} not in {e!r}"
        return
    raise AssertionError(f"{kind.__name__} not raised")


card = vobject.vCard()
card.add("n").value = vobject.vcard.Name(family="Silva", given="Ana")
card.add("fn").value = "Ana Silva"
tel = card.add("tel")
tel.value, tel.type_param = "+34 698 405 961", "CELL"
card.add("email").value = "ana@example.com"
card.add("categories").value = ["Family"]
card.add("note").value = "Notas com acentuação e emoji 🎉"
written = card.serialize()
bad = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bad Phone\r\nTEL:call me\r\nEND:VCARD\r\n"
bia = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bia Souza\r\nN:Souza;Bia;;;\r\nCATEGORIES:Work\r\nEND:VCARD\r\n"
text = written + bad + bia

dry = contacts.import_vcard(text, dry_run=True)
assert (dry["dry_run"], dry["imported"], contacts.count()) == (True, 2, 0), dry

report = contacts.import_vcard(text)
assert sorted(report) == ["contact_ids", "dry_run", "imported", "skipped", "unchanged", "updated"], report
assert (report["dry_run"], report["imported"], report["updated"], report["unchanged"]) == (False, 2, 0, 0), report
assert report["contact_ids"] == [0, 1], report
[skipped] = report["skipped"]
assert (skipped["index"], skipped["line"]) == (1, written.count("\r\n") + 1), skipped
assert list(skipped["errors"]) == ["phones[0].number"], skipped
assert skipped["reason"].startswith("phones[0].number: Phone number may contain only"), skipped

exported = contacts.export_vcard()
assert isinstance(exported, str)
cards = list(vobject.readComponents(exported))
assert [c.fn.value for c in cards] == ["Ana Silva", "Bia Souza"], exported
ana = cards[0]
assert (ana.version.value, ana.n.value.given, ana.n.value.family) == ("4.0", "Ana", "Silva"), exported
assert [t.value for t in ana.contents["tel"]] == ["+34 698 405 961"], exported
assert (ana.email.value, ana.categories.value, ana.note.value) == ("ana@example.com", ["Family"], card.note.value), exported
assert [c.version.value for c in vobject.readComponents(contacts.export_vcard(3))] == ["3.0", "3.0"]
assert [c.fn.value for c in vobject.readComponents(contacts.export_vcard(group="family"))] == ["Ana Silva"]
assert [c.fn.value for c in vobject.readComponents(contacts.export_vcard(text="souza"))] == ["Bia Souza"]

again = contacts.import_vcard(exported)
assert (again["imported"], again["updated"], again["unchanged"]) == (0, 0, 2), again

ana.note.value = "Changed in vobject"
edited = contacts.import_vcard(ana.serialize())
assert (edited["imported"], edited["updated"], edited["contact_ids"]) == (0, 1, [0]), edited
assert contacts.get(0)["notes"] == "Changed in vobject" and contacts.count() == 2

csv = contacts.export_csv()
assert csv.startswith("\ufeffFirst Name,") and "Bia,,Souza" in csv, csv[:300]
assert contacts.import_csv(csv)["unchanged"] == 2

raises(TypeError, lambda: contacts.import_vcard(text.encode()), "text must be a str, not bytes")
raises(TypeError, lambda: contacts.import_vcard(["BEGIN:VCARD"]), "text must be a str, not list")
raises(TypeError, lambda: contacts.import_vcard(text, dry_run="yes"), "dry_run must be a bool")
raises(ValueError, lambda: contacts.export_vcard(version=5), "version must be 4 or 3")
assert contacts.count() == 2
print("transfer client ok")
