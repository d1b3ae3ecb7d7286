using Agenda.Core.VCards;

namespace Agenda.Core.Tests.VCards;

/// <summary>Hand-written cards in the shapes real exporters produce; LF in the source, CRLF on the wire.</summary>
internal static class VCardFixtures
{
    public static string Crlf(string text) => text.Replace("\r\n", "\n").Replace("\n", "\r\n") + "\r\n";

    // Outlook 2.1: quoted-printable in Windows-1252 (=80 is the euro sign there, not in ISO-8859-1), bare TYPEs,
    // a UTF-8 NOTE with a soft line break whose next line starts with a space that belongs to the text.
    public static readonly string Outlook21 = Crlf("""
        BEGIN:VCARD
        VERSION:2.1
        N;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:Concei=E7=E3o;Jo=E3o
        FN;CHARSET=windows-1252;ENCODING=QUOTED-PRINTABLE:Jo=E3o Concei=E7=E3o
        TEL;WORK;VOICE:(11) 5555-0100
        EMAIL;PREF;INTERNET:joao@example.com
        NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Primeira linha=0D=0ASegunda com acentua=C3=A7=C3=A3o e um=
         texto que continua=
        na pr=C3=B3xima
        X-MS-NOTE;CHARSET=windows-1252;ENCODING=QUOTED-PRINTABLE:Custa 5 =80
        END:VCARD
        """);

    // iOS/macOS 3.0: item groups pair a property with its label.
    public static readonly string Ios30 = Crlf("""
        BEGIN:VCARD
        VERSION:3.0
        PRODID:-//Apple Inc.//iPhone OS 17.0//EN
        N:Appleseed;John;;;
        FN:John Appleseed
        ORG:Apple Inc.;
        item1.TEL;type=pref:+1 555 0100
        item1.X-ABLabel:_$!<Mobile>!$_
        item2.EMAIL;type=INTERNET:john@example.com
        item2.X-ABLabel:Personal
        item3.ADR;type=HOME;type=pref:;;1 Infinite Loop;Cupertino;CA;95014;United States
        TEL;type=CELL;type=VOICE;type=pref:+1 555 0101
        BDAY;value=date:1955-02-24
        END:VCARD
        """);

    // Android 2.1: UTF-8 quoted-printable CJK name, a base64 PHOTO folded with leading spaces and ended by a blank line.
    public static readonly string Android21 = Crlf("""
        BEGIN:VCARD
        VERSION:2.1
        N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=B1=B1=E7=94=B0;=E5=A4=AA=E9=83=8E;;;
        FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=B1=B1=E7=94=B0=E5=A4=AA=E9=83=8E
        TEL;CELL:090-1234-5678
        EMAIL;HOME:taro@example.jp
        PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/
         2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGBwkIBwcHBwgJ

        END:VCARD
        """);

    public static readonly string Google30 = Crlf("""
        BEGIN:VCARD
        VERSION:3.0
        FN:Maria da Silva
        N:da Silva;Maria;;;
        EMAIL;TYPE=INTERNET;TYPE=HOME:maria@gmail.com
        TEL;TYPE=CELL:+55 11 91234-5678
        ADR;TYPE=HOME:;;Av. Paulista\, 1000;São Paulo;SP;01310-100;Brasil
        BDAY:1990-05-17
        NOTE:Conheci no evento\, 2019\nSegunda linha\; fim \\ barra
        CATEGORIES:myContacts,Amigos\, antigos
        END:VCARD
        """);

    // RFC 6350 §8, with tel: URIs, quoted TYPE lists and a birthday without a year.
    public static readonly string Rfc6350 = Crlf("""
        BEGIN:VCARD
        VERSION:4.0
        FN:Simon Perreault
        N:Perreault;Simon;;;ing. jr,M.Sc.
        BDAY:--0203
        ANNIVERSARY:20090808T1430-0500
        LANG;PREF=1:fr
        ORG;TYPE=work:Viagenie
        ADR;TYPE=work:;Suite D2-630;2875 Laurier;Quebec;QC;G1V 2M2;Canada
        TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+1-418-656-9254;ext=102
        TEL;VALUE=uri;TYPE="work,cell,voice,video,text":tel:+1-418-262-6501
        EMAIL;TYPE=work:simon.perreault@viagenie.ca
        GEO;TYPE=work:geo:46.772673,-71.282945
        URL;TYPE=home:http://nomis80.org
        END:VCARD
        """);

    public static IEnumerable<string> All => [Outlook21, Ios30, Android21, Google30, Rfc6350];

    public static VCard ReadOne(string text) => Assert.Single(VCardDocumentReader.Read(text));
}
