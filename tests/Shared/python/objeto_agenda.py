"""The contact class of the original Python agenda, as its clients define it.

The original clients pass instances of Objeto to Pyro and register these two converters with
Pyro4's SerializerBase, so contacts travel as {'__class__': 'objeto_agenda.Objeto', ...} dicts.
Shared by the interop and end-to-end scripts: DebianPython puts tests/Shared/python on PYTHONPATH.
"""


class Objeto:
    def __init__(self, FirstName, SecondName, PhoneNumber, Email, id=None):
        self.id = id
        self.FirstName = FirstName
        self.SecondName = SecondName
        self.PhoneNumber = PhoneNumber
        self.Email = Email


def class_to_dict(obj):
    return {
        "__class__": "objeto_agenda.Objeto",
        "id": obj.id,
        "FirstName": obj.FirstName,
        "SecondName": obj.SecondName,
        "PhoneNumber": obj.PhoneNumber,
        "Email": obj.Email,
    }


def dict_to_class(classname, d):
    return Objeto(d["FirstName"], d["SecondName"], d["PhoneNumber"], d["Email"], d["id"])
