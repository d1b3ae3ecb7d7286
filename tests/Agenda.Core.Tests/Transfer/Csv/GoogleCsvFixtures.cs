using System.Text;
using Agenda.Core.Transfer;
using Agenda.Core.Transfer.Csv;

namespace Agenda.Core.Tests.Transfer.Csv;

/// <summary>
/// Hand-written files in the shapes Google Contacts writes: its current layout (as exported today, with a Relation
/// column Agenda does not read) and the older Gmail layout. LF in the source; <see cref="Crlf"/> gives the CRLF a
/// Windows editor leaves.
/// </summary>
internal static class GoogleCsvFixtures
{
    public static string Crlf(string text) => text.Replace("\r\n", "\n").Replace("\n", "\r\n");

    public static byte[] Utf8(string text, bool bom = false) => [.. bom ? Encoding.UTF8.Preamble : [], .. Encoding.UTF8.GetBytes(text)];

    public static IReadOnlyList<ReadCard> Read(string text, bool bom = false) => new GoogleCsvReader().Read(Utf8(text, bom));

    // Ana: multi-line notes with a comma and quotes, two mobiles in one cell, a starred contact in a user label,
    // a street with an extended address. Taro: CJK and emoji, a year-less leap-day birthday, Google's "* " label for a
    // primary email without a label. Acme: a company without a person's name.
    public const string Current = """"
        First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address,Website 1 - Label,Website 1 - Value,Event 1 - Label,Event 1 - Value,Relation 1 - Label,Relation 1 - Value
        Ana,Maria,Silva,,,,Dra.,,Aninha,,Rocha & Filhos,Engenheira,TI,1990-05-17,"Conheci no evento, em 2019.
        Disse: ""me liga""",https://lh3.googleusercontent.com/contacts/ABC123,* myContacts ::: Amigos ::: * starred,* Home,ana@example.com,Work,ana@rocha.example,* Mobile,+55 69 98405-9615 ::: +55 69 3221-0000,Home Fax,+55 69 3221-0001,Home,"Rua das Flores, 12
        Apto 3
        Porto Velho, RO 76801-000
        BR","Rua das Flores, 12",Porto Velho,,RO,76801-000,BR,Apto 3,Profile,https://ana.example.com,Anniversary,2015-09-12,Mother,Helena
        太郎,,山田,タロウ,,ヤマダ,,,,,,,,--02-29,"誕生日パーティー🎉
        家族: 👨‍👩‍👧 と一緒",,* myContacts,* ,taro@example.jp,,,Mobile,090-1234-5678,,,,,,,,,,,,,,,,,
        ,,,,,,,,,,Acme Ltda,,,,,,* myContacts ::: Fornecedores,,,,,Work,+55 11 4000-1234,,,,,,,,,,,,,,,,,
        """";

    // João: the older layout's Type columns, "* My Contacts" and "* Starred", an organization in its numbered columns,
    // a PO box. Dona Maria: only the whole name.
    public const string Older = """
        Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Additional Name Yomi,Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,Short Name,Maiden Name,Birthday,Gender,Location,Billing Information,Directory Server,Mileage,Occupation,Hobby,Sensitivity,Priority,Subject,Notes,Language,Photo,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,Address 1 - Type,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address,Organization 1 - Type,Organization 1 - Name,Organization 1 - Yomi Name,Organization 1 - Title,Organization 1 - Department,Organization 1 - Symbol,Organization 1 - Location,Organization 1 - Job Description,Website 1 - Type,Website 1 - Value,Event 1 - Type,Event 1 - Value
        João Conceição,João,,Conceição,,,,,Sr.,Jr.,,Jota,,,1975-12-01,,,,,,,,,,,Cliente desde 2001,,,* My Contacts ::: Clientes ::: * Starred,* Work,joao@empresa.example,* Mobile,+351 912 345 678,Work,+351 213 000 000,Work,,"Avenida da Liberdade, 100",Lisboa,Apartado 55,,1250-096,Portugal,,Work,Empresa SA,,Diretor,,,,,Blog,blog.example.pt,Anniversary,--06-24
        Dona Maria,,,,,,,,,,,,,,,,,,,,,,,,,,,,* My Contacts,,,Home,(69) 3221-4455,,,,,,,,,,,,,,,,,,,,,,,
        """;
}
