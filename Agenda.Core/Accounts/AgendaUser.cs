using Microsoft.AspNetCore.Identity;

namespace Agenda.Core.Accounts;

/// <summary>A person who signs in to Agenda (ASP.NET Core Identity, stored beside the contacts).</summary>
public sealed class AgendaUser : IdentityUser
{
}
