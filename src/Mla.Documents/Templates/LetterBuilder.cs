using System.Globalization;
using Mla.Documents.Layout;
using Mla.Documents.Resources;

namespace Mla.Documents.Templates;

/// <summary>
/// The sections the three kinds of request share. Each method adds its numbered section only when the
/// model has something to put in it, so a template is just the order of the sections.
/// </summary>
internal sealed class LetterBuilder
{
    private static readonly HashSet<string> RolesSought = new(StringComparer.Ordinal) { "person-sought" };

    private readonly RequestDocumentModel _model;
    private readonly Wording _w;
    private int _section;

    public LetterBuilder(RequestDocumentModel model, Wording wording)
    {
        _model = model;
        _w = wording;
        var reference = ReferenceText;
        Document = new LayoutDocument(new DocumentMetadata(
            Title: _w[$"document.title.{model.Kind}"],
            Author: model.RequestingCentralAuthority.Name,
            Subject: reference,
            Creator: "Mla",
            CreationDate: model.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)))
        {
            LetterheadLines = model.RequestingCentralAuthority.LetterheadLines,
            FooterText = _w.Format("footer.reference", ("reference", reference)),
            PageLabel = (page, pages) => _w.Format(
                "footer.page",
                ("page", page.ToString(CultureInfo.InvariantCulture)),
                ("pages", pages.ToString(CultureInfo.InvariantCulture))),
            DraftMarking = model.IsDraft ? _w["marking.draft"] : null,
        };
    }

    public LayoutDocument Document { get; }

    private string ReferenceText => string.IsNullOrWhiteSpace(_model.ReferenceNumber) ? _w["reference.placeholder"] : _model.ReferenceNumber;

    /// <summary>The person(s) sought get their own section first; everyone else is listed later.</summary>
    public static (IReadOnlyList<DocumentPerson> Sought, IReadOnlyList<DocumentPerson> Others) SplitPersonsSought(IReadOnlyList<DocumentPerson> persons)
    {
        var sought = persons.Where(p => RolesSought.Contains(p.RoleCode)).ToList();
        return sought.Count == 0 && persons.Count > 0
            ? (persons, [])
            : (sought, persons.Where(p => !RolesSought.Contains(p.RoleCode)).ToList());
    }

    /// <summary>Place and date, title, markings, the parties and the opening sentence.</summary>
    public void Opening()
    {
        var date = _w.FormatDate(_model.Date);
        Add(new Paragraph(_w.Format("header.placeDate", ("place", _model.Place), ("date", date)), Alignment: TextAlignment.Right) { SpaceAfter = 10 });
        Add(new Heading(_w[$"document.title.{_model.Kind}"], HeadingLevel.Title));

        var markings = new List<string>(2);
        if (_model.IsUrgent)
        {
            markings.Add(_w["marking.urgent"]);
        }

        if (_model.IsConfidential)
        {
            markings.Add(_w["marking.confidential"]);
        }

        if (markings.Count > 0)
        {
            Add(new Paragraph(string.Join("  —  ", markings), Typography.Marking, TextAlignment.Center) { SpaceAfter = 10 });
        }

        Field("label.reference", ReferenceText);
        Field("label.requestingState", _w.StateName(_model.RequestingStateIso3));
        Field("label.requestedState", _w.StateName(_model.RequestedStateIso3));
        Field("label.addressee", _w.Format("text.addressee", ("state", _w.StateName(_model.RequestedStateIso3))));
        Field("label.language", _w["language.self"]);
        Field("label.supplements", _model.SupplementsReferenceNumber);
        Add(new Spacer(8));
        Add(new Paragraph(_w[$"intro.{_model.Kind}"]));
    }

    public void Authorities()
    {
        var authority = _model.RequestingCentralAuthority;
        Section("section.authorities");
        Field("label.centralAuthority", authority.Name);
        Field("label.address", authority.Address);
        Field("label.contact", authority.Contact);
        if (_model.InvestigatingAuthority is { } investigating)
        {
            Field("label.investigatingAuthority", investigating.Name);
            Field("label.function", investigating.Function);
        }
    }

    public void LegalBasis()
    {
        if (_model.LegalBasisCodes.Count == 0)
        {
            return;
        }

        Section("section.legalBasis");
        Add(new BulletList([.. _model.LegalBasisCodes.Select(LegalBasisText)]));
    }

    public void Subject()
    {
        if (string.IsNullOrWhiteSpace(_model.Subject))
        {
            return;
        }

        Section("section.subject");
        Add(new Paragraph(_model.Subject));
    }

    public void Offences()
    {
        if (_model.Offences.Count == 0)
        {
            return;
        }

        Section("section.offences");
        Add(new Table(
            [_w["column.offence.category"], _w["column.offence.description"], _w["column.offence.provision"], _w["column.offence.penalty"]],
            [.. _model.Offences.Select(o => (IReadOnlyList<string>)[_w.Code("offence", o.CategoryCode), o.Description, o.LegalProvision ?? string.Empty, o.MaxPenalty ?? string.Empty])],
            [2, 3, 2.2, 1.9]));
    }

    public void Facts()
    {
        if (string.IsNullOrWhiteSpace(_model.Facts))
        {
            return;
        }

        Section("section.facts");
        Add(new Paragraph(_model.Facts));
    }

    public void Assistance()
    {
        if (_model.AssistanceItems.Count == 0)
        {
            return;
        }

        Section("section.assistance");
        Add(new Table(
            [_w["column.number"], _w["column.assistance.type"], _w["column.assistance.description"], _w["column.assistance.procedure"]],
            [.. _model.AssistanceItems.Select((a, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), _w.Code("assistance", a.TypeCode), a.Description, a.Procedure ?? string.Empty])],
            [0.45, 2, 3.6, 2.2]));
    }

    public void Persons(IReadOnlyList<DocumentPerson> persons, string titleKey)
    {
        if (persons.Count == 0)
        {
            return;
        }

        Section(titleKey);
        for (var i = 0; i < persons.Count; i++)
        {
            var person = persons[i];
            Add(new Paragraph(persons.Count > 1 ? $"{i + 1}. {person.FullName}" : person.FullName, Typography.BodyBold) { SpaceAfter = 2 });
            Field("label.role", _w.Code("role", person.RoleCode));
            Field("label.nationality", person.NationalityIso3 is null ? null : _w.StateName(person.NationalityIso3));
            Field("label.dateOfBirth", person.DateOfBirth is { } born ? _w.FormatDate(born) : null);
            Field("label.location", person.Location);
            Field("label.identityDocument", person.IdentityDocument);
            Add(new Spacer(4));
        }
    }

    public void Purpose()
    {
        if (string.IsNullOrWhiteSpace(_model.Purpose))
        {
            return;
        }

        Section("section.purpose");
        Add(new Paragraph(_model.Purpose));
    }

    /// <summary>A time limit is printed with its reason whether or not the request is flagged urgent.</summary>
    public void Urgency()
    {
        if (!_model.IsUrgent && _model.TimeLimit is null)
        {
            return;
        }

        Section("section.urgency");
        Field("label.urgencyReason", _model.UrgencyReason);
        Field("label.timeLimit", _model.TimeLimit is { } limit ? _w.FormatDate(limit) : null);
    }

    public void Confidentiality()
    {
        if (!_model.IsConfidential)
        {
            return;
        }

        Section("section.confidentiality");
        Add(new Paragraph(_w["text.confidentiality"]));
    }

    public void Warrant() => Decision("section.warrant", _model.ExtraditionWarrant, []);

    public void Judgment() => Decision("section.judgment", _model.Judgment,
    [
        ("label.enforceableSentenceProof", _model.EnforceableSentenceProof),
        ("label.sentenceRemaining", _model.SentenceRemaining),
        ("label.retrialInAbsentia", _model.RetrialInAbsentia),
    ]);

    public void ExtraditionPurpose()
    {
        if (string.IsNullOrWhiteSpace(_model.ExtraditionPurpose) && string.IsNullOrWhiteSpace(_model.Purpose))
        {
            return;
        }

        Section("section.extraditionPurpose");
        if (!string.IsNullOrWhiteSpace(_model.ExtraditionPurpose))
        {
            Add(new Paragraph(_w.Code("extraditionPurpose", _model.ExtraditionPurpose)));
        }

        if (!string.IsNullOrWhiteSpace(_model.Purpose))
        {
            Add(new Paragraph(_model.Purpose));
        }
    }

    public void ExtraditionUndertaking()
    {
        if (!_model.ExtraditionWillBeRequested)
        {
            return;
        }

        Section("section.extraditionUndertaking");
        Add(new Paragraph(_w["text.extraditionWillBeRequested"]));
    }

    public void Annexes()
    {
        if (_model.Annexes.Count == 0)
        {
            return;
        }

        Section("section.annexes");
        Add(new BulletList([.. _model.Annexes.Select(AnnexText)]));
    }

    public void Closing()
    {
        Add(new Spacer(6));
        Add(new Paragraph(_w["closing.formula"]));
        Add(new SignatureBlock(_model.Signatory.Name, _model.Signatory.Function, _w["signature.seal"]));
    }

    private void Decision(string titleKey, DocumentJudicialDecision? decision, IReadOnlyList<(string Key, string? Value)> extra)
    {
        if (decision is null && extra.All(e => string.IsNullOrWhiteSpace(e.Value)))
        {
            return;
        }

        Section(titleKey);
        if (decision is not null)
        {
            Field("label.issuingAuthority", decision.IssuingAuthority);
            Field("label.date", decision.Date is { } date ? _w.FormatDate(date) : null);
            Field("label.reference", decision.Reference);
        }

        foreach (var (key, value) in extra)
        {
            Field(key, value);
        }
    }

    private string LegalBasisText(string code)
    {
        var text = _w.Code("legalBasis", code);
        return code == "bilateral-treaty" && !string.IsNullOrWhiteSpace(_model.BilateralTreatyName)
            ? text + _w["punctuation.colon"] + _model.BilateralTreatyName
            : text;
    }

    private string AnnexText(DocumentAnnex annex)
    {
        var text = string.IsNullOrWhiteSpace(annex.Description) ? annex.FileName : $"{annex.FileName} — {annex.Description}";
        return annex.IsTranslation ? $"{text} ({_w["label.translation"]})" : text;
    }

    private void Section(string titleKey) => Add(new Heading($"{++_section}. {_w[titleKey]}"));

    private void Field(string labelKey, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            Add(new LabelledField(_w[labelKey], value));
        }
    }

    private void Add(LayoutBlock block) => Document.Add(block);
}
