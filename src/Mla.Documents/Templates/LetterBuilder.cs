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
            VerificationText = model.VerificationCode is { } code ? _w.Format("footer.verification", ("code", code)) : null,
            QrCodeText = model.VerificationCode is { } printed ? VerificationQrText(reference, printed) : null,
            Language = _w.Language,
        };
    }

    public LayoutDocument Document { get; }

    /// <summary>
    /// What the QR code on a transmitted document's pages carries: "MLA-VERIFY|reference|verification code", the code
    /// being the one printed in the footer (the SHA-256 of the document rendered without that line and this code), which
    /// <c>GET /api/documents/verify?sha256=</c> accepts. A scanner gives the reference and the code without retyping 64
    /// characters; the code cannot be the file's own hash, which no document can carry.
    /// </summary>
    public static string VerificationQrText(string reference, string verificationCode) => $"MLA-VERIFY|{reference}|{verificationCode}";

    // A preview in another language than the request's states the request's own language, not its own.
    private string RequestLanguageText => _model.RequestLanguage is { } language && !string.Equals(language, _w.Language, StringComparison.OrdinalIgnoreCase)
        ? _w.Code("language.name", language.ToLowerInvariant())
        : _w["language.self"];

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

        foreach (var field in Fields(
        [
            Field("label.reference", ReferenceText),
            Field("label.requestingState", _w.StateName(_model.RequestingStateIso3)),
            Field("label.requestedState", _w.StateName(_model.RequestedStateIso3)),
            Field("label.addressee", _model.Addressee?.Name ?? _w.Format("text.addressee", ("state", _w.StateName(_model.RequestedStateIso3)))),
            Field("label.addresseeAddress", _model.Addressee?.Address),
            Field("label.language", RequestLanguageText),
            Field("label.supplements", _model.SupplementsReferenceNumber),
        ]))
        {
            Add(field);
        }
        Add(new Spacer(8));
        Add(new Paragraph(_w[$"intro.{_model.Kind}"]));
    }

    public void Authorities()
    {
        var authority = _model.RequestingCentralAuthority;
        var investigating = _model.InvestigatingAuthority;
        Section("section.authorities", Keep.Together,
        [
            Field("label.centralAuthority", authority.Name),
            Field("label.address", authority.Address),
            Field("label.contact", authority.Contact),
            Field("label.investigatingAuthority", investigating?.Name),
            Field("label.function", investigating?.Function),
        ]);
    }

    public void LegalBasis()
    {
        if (_model.LegalBasisCodes.Count == 0)
        {
            return;
        }

        Section("section.legalBasis", Keep.Together, [new BulletList([.. _model.LegalBasisCodes.Select(LegalBasisText)])]);
    }

    public void Subject()
    {
        if (string.IsNullOrWhiteSpace(_model.Subject))
        {
            return;
        }

        Section("section.subject", Keep.FirstLines, [new Paragraph(_model.Subject)]);
    }

    public void Offences()
    {
        if (_model.Offences.Count == 0)
        {
            return;
        }

        Section("section.offences", Keep.FirstLines,
        [
            new Table(
                [_w["column.offence.category"], _w["column.offence.description"], _w["column.offence.provision"], _w["column.offence.penalty"]],
                [.. _model.Offences.Select(o => (IReadOnlyList<string>)[_w.Code("offence", o.CategoryCode), o.Description, o.LegalProvision ?? string.Empty, o.MaxPenalty ?? string.Empty])],
                [2, 3, 2.2, 1.9]),
        ]);
    }

    public void Facts()
    {
        if (string.IsNullOrWhiteSpace(_model.Facts))
        {
            return;
        }

        Section("section.facts", Keep.FirstLines, [new Paragraph(_model.Facts)]);
    }

    public void Assistance()
    {
        if (_model.AssistanceItems.Count == 0)
        {
            return;
        }

        Section("section.assistance", Keep.FirstLines,
        [
            new Table(
                [_w["column.number"], _w["column.assistance.type"], _w["column.assistance.description"], _w["column.assistance.procedure"]],
                [.. _model.AssistanceItems.Select((a, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), _w.Code("assistance", a.TypeCode), a.Description, a.Procedure ?? string.Empty])],
                [0.45, 2, 3.6, 2.2]),
        ]);
    }

    /// <summary>Every person concerned, in one section (an MLA request).</summary>
    public void Persons() => Persons(_model.Persons, "section.persons");

    /// <summary>The person(s) sought, in their own section before the offences (an extradition or provisional-arrest request).</summary>
    public void PersonsSought() => Persons(SplitPersonsSought(_model.Persons).Sought, "section.personSought");

    /// <summary>Everyone but the person(s) sought, listed after the case.</summary>
    public void OtherPersons() => Persons(SplitPersonsSought(_model.Persons).Others, "section.persons");

    private void Persons(IReadOnlyList<DocumentPerson> persons, string titleKey)
    {
        if (persons.Count == 0)
        {
            return;
        }

        // Each person's record is kept whole under the person's name; the section's heading is repeated on
        // every page the list continues on.
        var records = persons.Select((person, i) => (LayoutBlock)new Section(
            new Heading(persons.Count > 1 ? $"{i + 1}. {person.FullName}" : person.FullName, HeadingLevel.Record),
            Fields(
            [
                Field("label.role", _w.Code("role", person.RoleCode)),
                Field("label.aliases", person.Aliases),
                Field("label.nationality", person.Nationality ?? (person.NationalityIso3 is null ? null : _w.StateName(person.NationalityIso3))),
                Field("label.dateOfBirth", person.DateOfBirth is { } born ? _w.FormatDate(born) : null),
                Field("label.placeOfBirth", person.PlaceOfBirth),
                Field("label.parentsNames", person.ParentsNames),
                Field("label.physicalDescription", person.PhysicalDescription),
                Field("label.location", person.Location),
                Field("label.identityDocument", person.IdentityDocument),
                new Spacer(4),
            ]))
        {
            KeepTogether = true,
            ContinuedSuffix = _w["heading.continued"],
        });
        Section(titleKey, Keep.FirstLines, [.. records]);
    }

    public void Purpose()
    {
        if (string.IsNullOrWhiteSpace(_model.Purpose))
        {
            return;
        }

        Section("section.purpose", Keep.FirstLines, [new Paragraph(_model.Purpose)]);
    }

    /// <summary>A time limit is printed with its reason whether or not the request is flagged urgent.</summary>
    public void Urgency()
    {
        if (!_model.IsUrgent && _model.TimeLimit is null)
        {
            return;
        }

        Section("section.urgency", Keep.Together,
        [
            Field("label.urgencyReason", _model.UrgencyReason),
            Field("label.timeLimit", _model.TimeLimit is { } limit ? _w.FormatDate(limit) : null),
        ]);
    }

    public void Confidentiality()
    {
        if (!_model.IsConfidential)
        {
            return;
        }

        Section("section.confidentiality", Keep.Together, [new Paragraph(_w["text.confidentiality"])]);
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

        Section("section.extraditionPurpose", Keep.Together,
        [
            string.IsNullOrWhiteSpace(_model.ExtraditionPurpose) ? null : new Paragraph(_w.Code("extraditionPurpose", _model.ExtraditionPurpose)),
            string.IsNullOrWhiteSpace(_model.Purpose) ? null : new Paragraph(_model.Purpose),
        ]);
    }

    public void ExtraditionUndertaking()
    {
        if (!_model.ExtraditionWillBeRequested)
        {
            return;
        }

        var statement = _model.ProvisionalArrestDays is { } days
            ? _w.Format("text.extraditionWillBeRequestedWithin", ("days", days.ToString(CultureInfo.InvariantCulture)))
            : _w["text.extraditionWillBeRequested"];
        Section("section.extraditionUndertaking", Keep.Together, [new Paragraph(statement)]);
    }

    /// <summary>The text of the law creating the offence and stating its penalty (extradition, provisional arrest).</summary>
    public void LegalProvisions()
    {
        if (string.IsNullOrWhiteSpace(_model.LegalProvisionsText))
        {
            return;
        }

        Section("section.legalProvisions", Keep.FirstLines, [new Paragraph(_model.LegalProvisionsText)]);
    }

    /// <summary>The officer who drafted the request, for the requested State's follow-up.</summary>
    public void ContactOfficer()
    {
        if (_model.ContactOfficer is not { } officer || string.IsNullOrWhiteSpace(officer.Name))
        {
            return;
        }

        Section("section.contactOfficer", Keep.Together,
        [
            Field("label.name", officer.Name),
            Field("label.function", officer.Function),
            Field("label.phone", officer.Phone),
            Field("label.email", officer.Email),
        ]);
    }

    public void Annexes()
    {
        if (_model.Annexes.Count == 0)
        {
            return;
        }

        Section("section.annexes", Keep.FirstLines, [.. _model.Annexes.Select((annex, i) => new Paragraph(AnnexTitles.Title(annex, i + 1, _w)) { SpaceAfter = 2 })]);
    }

    /// <summary>The closing formula, the signature and the room for the seal travel together: the signature never
    /// stands alone on a page, cut from the formula.</summary>
    public void Closing() => Add(new Section(
        null,
        [
            new Spacer(6),
            new Paragraph(_w["closing.formula"]),
            new SignatureBlock(_model.Signatory.Name, _model.Signatory.Function, _w["signature.seal"]),
        ])
    {
        KeepTogether = true,
    });

    private void Decision(string titleKey, DocumentJudicialDecision? decision, IReadOnlyList<(string Key, string? Value)> extra)
    {
        if (decision is null && extra.All(e => string.IsNullOrWhiteSpace(e.Value)))
        {
            return;
        }

        Section(titleKey, Keep.Together,
        [
            Field("label.issuingAuthority", decision?.IssuingAuthority),
            Field("label.date", decision?.Date is { } date ? _w.FormatDate(date) : null),
            Field("label.reference", decision?.Reference),
            .. extra.Select(e => Field(e.Key, e.Value)),
        ]);
    }

    private string LegalBasisText(string code)
    {
        var text = _w.Code("legalBasis", code);
        if (_model.LegalBasisArticles.TryGetValue(code, out var article) && !string.IsNullOrWhiteSpace(article))
        {
            text = _w.Format("legalBasis.article", ("name", text), ("article", article));
        }

        return code == "bilateral-treaty" && !string.IsNullOrWhiteSpace(_model.BilateralTreatyName)
            ? text + _w["punctuation.colon"] + _model.BilateralTreatyName
            : text;
    }


    private static List<LayoutBlock> Fields(IEnumerable<LayoutBlock?> blocks) => [.. blocks.OfType<LayoutBlock>()];

    /// <summary>
    /// A numbered section. Blocks of labelled fields, short texts and lists are kept whole, with their heading
    /// repeated if one is ever longer than a page; running text and tables only keep their first lines with the
    /// heading (a table repeats its own header row), so a long statement of facts flows from page to page.
    /// </summary>
    private void Section(string titleKey, Keep keep, IEnumerable<LayoutBlock?> content)
    {
        var blocks = Fields(content);
        Add(new Section(new Heading($"{++_section}. {_w[titleKey]}") { InOutline = true }, blocks)
        {
            KeepTogether = keep == Keep.Together,
            ContinuedSuffix = keep == Keep.Together || blocks.Any(block => block is Section) ? _w["heading.continued"] : null,
        });
    }

    private LabelledField? Field(string labelKey, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new LabelledField(_w[labelKey], value);

    private void Add(LayoutBlock block) => Document.Add(block);

    private enum Keep
    {
        /// <summary>The heading keeps at least its content's first lines.</summary>
        FirstLines,

        /// <summary>The whole section moves to the next page rather than be split.</summary>
        Together,
    }
}
