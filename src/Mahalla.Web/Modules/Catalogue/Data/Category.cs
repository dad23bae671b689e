using Mahalla.Web.Modules.Territories.Data;

namespace Mahalla.Web.Modules.Catalogue.Data;

/// <summary>A request category of the catalogue (roads, water supply, social assistance…), identified by a stable code.</summary>
public sealed class Category
{
    private Category()
    {
    }

    public Category(string code, LocalizedName name, int sortOrder)
    {
        if (!IsValidCode(code))
        {
            throw new ArgumentException("A category code is 2–40 lowercase letters, digits and hyphens.", nameof(code));
        }

        Code = code;
        Name = name;
        SortOrder = sortOrder;
        IsActive = true;
    }

    public string Code { get; private set; } = "";

    public LocalizedName Name { get; private set; } = null!;

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; }

    public void Update(LocalizedName name, int sortOrder, bool isActive)
    {
        Name = name;
        SortOrder = sortOrder;
        IsActive = isActive;
    }

    public static bool IsValidCode(string? code) =>
        code is { Length: >= 2 and <= 40 } && code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}

/// <summary>A reusable answer text for staff, in one language, optionally limited to one organisation.</summary>
public sealed class AnswerTemplate
{
    private AnswerTemplate()
    {
    }

    public AnswerTemplate(Guid id, Guid? organizationId, string language, string title, string body)
    {
        Id = id;
        OrganizationId = organizationId;
        Update(language, title, body);
    }

    public Guid Id { get; private set; }

    public Guid? OrganizationId { get; private set; }

    public string Language { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    public void Update(string language, string title, string body)
    {
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(body))
        {
            throw new ArgumentException("A template needs a title and a body.");
        }

        Language = language;
        Title = title.Trim();
        Body = body.Trim();
    }

    /// <summary>Offers the template only to one organisation's staff, or to everyone (null).</summary>
    public void LimitTo(Guid? organizationId) => OrganizationId = organizationId;
}
