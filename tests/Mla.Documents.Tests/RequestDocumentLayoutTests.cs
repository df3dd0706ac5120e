using System.Collections.Concurrent;
using System.Globalization;
using Mla.Documents.Layout;
using Mla.Documents.Resources;
using Mla.Documents.Templates;

namespace Mla.Documents.Tests;

/// <summary>
/// Golden layout tests: every kind in every language, rendered from worst-case content in
/// <see cref="WorstCaseRequests.Variants"/> variants, read back with PdfPig and checked page by page against the rules
/// a central authority expects of a letter it signs. The last test proves that the variants really put blocks at
/// page ends and numbers at line ends, so the rules were tested where they bite.
/// Set MLA_DOCUMENTS_DUMP to a folder to keep the rendered files for a look.
/// </summary>
public class RequestDocumentLayoutTests
{
    private static readonly string[] Languages = ["fr", "en", "pt"];

    private static readonly string[] UnbreakableLineEnds = ["n°", "N°", "nº", "Nº", "n.º", "N.º", "No.", "art.", "Art.", "arts.", "§"];

    private static readonly ConcurrentDictionary<(string Kind, string Language), IReadOnlyList<RenderedVariant>> Rendered = new();

    private static IEnumerable<TestCaseData> KindsAndLanguages() =>
        from kind in RequestDocumentKinds.All
        from language in Languages
        select new TestCaseData(kind, language).SetArgDisplayNames(kind, language);

    [TestCaseSource(nameof(KindsAndLanguages))]
    public void WorstCase_EveryPage_NoHeadingAmongItsLastTwoLines(string kind, string language)
    {
        var violations = new List<string>();
        foreach (var variant in Render(kind, language))
        {
            foreach (var page in variant.Pages)
            {
                var lines = page.Body;
                for (var i = 0; i < lines.Count; i++)
                {
                    if (!variant.IsHeading(lines[i]) || (i + 1 < lines.Count && variant.IsHeading(lines[i + 1])))
                    {
                        continue;
                    }

                    // i is the last line of a heading (or of headings in a row): two lines of content must follow.
                    var after = lines.Count - 1 - i;
                    if (after < 2)
                    {
                        violations.Add($"{variant.Name} page {page.Number}: '{lines[i].Text}' has {after} line(s) after it");
                    }
                }
            }
        }

        Assert.That(violations, Is.Empty);
    }

    [TestCaseSource(nameof(KindsAndLanguages))]
    public void WorstCase_Signature_OnThePageOfTheWholeClosingFormula(string kind, string language)
    {
        Assert.Multiple(() =>
        {
            foreach (var variant in Render(kind, language))
            {
                var formula = variant.PageOf(variant.Wording["closing.formula"]);
                var name = variant.PageOf(variant.Model.Signatory.Name);
                var seal = variant.PageOf(variant.Wording["signature.seal"]);
                Assert.That(formula, Is.Not.Null, $"{variant.Name}: the closing formula is not whole on one page");
                Assert.That(name, Is.EqualTo(formula).And.EqualTo(seal), $"{variant.Name}: signature cut from the closing formula");
            }
        });
    }

    [TestCaseSource(nameof(KindsAndLanguages))]
    public void WorstCase_PersonWarrantAndJudgmentBlocks_WholeOnThePageOfTheirHeading(string kind, string language)
    {
        Assert.Multiple(() =>
        {
            foreach (var variant in Render(kind, language))
            {
                foreach (var (heading, values) in variant.Blocks())
                {
                    var block = variant.BlockUnder(heading);
                    Assert.That(block, Is.Not.Null, $"{variant.Name}: heading '{heading}' not found");
                    foreach (var value in values)
                    {
                        Assert.That(block, Does.Contain(Expect(value)), $"{variant.Name}: '{value}' not on the page of '{heading}'");
                    }
                }
            }
        });
    }

    [TestCaseSource(nameof(KindsAndLanguages))]
    public void WorstCase_NumbersAndAbbreviations_NeverBrokenAtALineEnd(string kind, string language)
    {
        var violations = new List<string>();
        foreach (var variant in Render(kind, language))
        {
            foreach (var page in variant.Pages)
            {
                foreach (var (line, next) in Continuations(page))
                {
                    var lastToken = line.Text.Split(' ')[^1];
                    if (char.IsDigit(line.Text[^1]) && char.IsDigit(next.Text[0]))
                    {
                        violations.Add($"{variant.Name} page {page.Number}: number broken: '…{Tail(line.Text)}' / '{Head(next.Text)}…'");
                    }

                    if (UnbreakableLineEnds.Contains(lastToken))
                    {
                        violations.Add($"{variant.Name} page {page.Number}: line ends with '{lastToken}': '…{Tail(line.Text)}'");
                    }
                }
            }
        }

        Assert.That(violations, Is.Empty);
    }

    [TestCaseSource(nameof(KindsAndLanguages))]
    public void WorstCase_AnyText_NoStraightApostrophe(string kind, string language)
    {
        Assert.Multiple(() =>
        {
            foreach (var variant in Render(kind, language))
            {
                foreach (var page in variant.Pages)
                {
                    Assert.That(page.AllText, Does.Not.Contain("'"), $"{variant.Name} page {page.Number}");
                }
            }
        });
    }

    [TestCaseSource(nameof(KindsAndLanguages))]
    public void WorstCase_RequiredElements_PresentInTheOrderOfTheKind(string kind, string language)
    {
        Assert.Multiple(() =>
        {
            foreach (var variant in Render(kind, language))
            {
                var body = string.Concat(variant.Pages.Select(p => p.SquashedBody));
                var at = -1;
                foreach (var item in variant.RequiredInOrder())
                {
                    // Beginnings only: a long value wraps beside its label, which PdfPig reads line by line across both columns.
                    var expected = Expect(item);
                    var found = body.IndexOf(expected[..Math.Min(24, expected.Length)], at + 1, StringComparison.Ordinal);
                    Assert.That(found, Is.GreaterThanOrEqualTo(0), $"{variant.Name}: '{item}' missing, or not after what precedes it");
                    at = Math.Max(at, found);
                }
            }
        });
    }

    [TestCaseSource(nameof(KindsAndLanguages))]
    public void WorstCase_Variants_PutBlocksAtPageEndsAndNumbersAtLineEnds(string kind, string language)
    {
        var variants = Render(kind, language);
        var seen = variants.SelectMany(v => v.BoundaryConditions()).ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(variants.Select(v => v.Pages.Count).Distinct().Count(), Is.GreaterThan(1), "the variants should not all have the same number of pages");
            Assert.That(seen, Does.Contain(Boundary.HeadingMovedToNextPage), "a section heading that would have fitted at a page end moved on");
            Assert.That(seen, Does.Contain(Boundary.PersonRecordMovedToNextPage), "a person's record that would have been split moved on");
            Assert.That(seen, Does.Contain(Boundary.HeadingRepeated), "a section continued on the next page under its repeated heading");
            Assert.That(seen, Does.Contain(Boundary.ClosingFormulaMovedWithSignature), "the closing formula moved on with the signature");
            Assert.That(seen, Does.Contain(Boundary.NumberMovedToNextLine), "a number group that would have been broken moved to the next line whole");
            if (kind != RequestDocumentKinds.Mla)
            {
                Assert.That(seen, Does.Contain(Boundary.DecisionMovedToNextPage), "a warrant or judgment block that would have been split moved on");
            }
        });
    }

    /// <summary>The text as the document prints it, without spaces, for comparison with what PdfPig reads.</summary>
    private static string Expect(string text) => PdfText.Squash(TextNormaliser.Normalise(text));

    private static string Tail(string text) => text.Length <= 30 ? text : text[^30..];

    private static string Head(string text) => text.Length <= 30 ? text : text[..30];

    /// <summary>Each line segment with the segment that continues it on the next line of the same column.</summary>
    private static IEnumerable<(PdfSegment Line, PdfSegment Next)> Continuations(PdfPageLines page)
    {
        for (var i = 0; i + 1 < page.Body.Count; i++)
        {
            var step = page.Body[i + 1].Baseline - page.Body[i].Baseline;
            foreach (var segment in page.Body[i].Segments)
            {
                // The next line of the same paragraph or cell: same left edge and size, one line height below (a new
                // field or table row starts further down, after its spacing or padding).
                var next = step <= (segment.Size * 1.4) + 0.6
                    ? page.Body[i + 1].Segments.FirstOrDefault(s => Math.Abs(s.X - segment.X) < 0.6 && s.Size == segment.Size)
                    : null;
                if (next is not null && segment.Text.Length > 0 && next.Text.Length > 0)
                {
                    yield return (segment, next);
                }
            }
        }
    }

    private static IReadOnlyList<RenderedVariant> Render(string kind, string language) => Rendered.GetOrAdd((kind, language), key =>
    {
        var dump = Environment.GetEnvironmentVariable("MLA_DOCUMENTS_DUMP");
        return [.. Enumerable.Range(0, WorstCaseRequests.Variants).Select(v =>
        {
            var model = WorstCaseRequests.Build(key.Kind, key.Language, v);
            var pdf = RequestDocumentGenerator.Generate(model);
            if (!string.IsNullOrEmpty(dump))
            {
                Directory.CreateDirectory(dump);
                File.WriteAllBytes(Path.Combine(dump, string.Create(CultureInfo.InvariantCulture, $"{key.Kind}-{key.Language}-{v:00}.pdf")), pdf);
            }

            return new RenderedVariant($"{key.Kind}/{key.Language}/variant {v}", model, Wording.For(key.Language), PdfLines.Read(pdf, model.RequestingCentralAuthority.LetterheadLines.Count));
        })];
    });

    internal enum Boundary
    {
        HeadingMovedToNextPage,
        PersonRecordMovedToNextPage,
        DecisionMovedToNextPage,
        HeadingRepeated,
        ClosingFormulaMovedWithSignature,
        NumberMovedToNextLine,
    }

    /// <summary>One rendered document and what the tests need to know about its content.</summary>
    private sealed class RenderedVariant(string name, RequestDocumentModel model, Wording wording, IReadOnlyList<PdfPageLines> pages)
    {
        private readonly PageFrame _frame = PageFrame.A4(model.RequestingCentralAuthority.LetterheadLines.Count);

        public string Name { get; } = name;

        public RequestDocumentModel Model { get; } = model;

        public Wording Wording { get; } = wording;

        public IReadOnlyList<PdfPageLines> Pages { get; } = pages;

        private string Continued => Wording["heading.continued"];

        private (IReadOnlyList<DocumentPerson> Sought, IReadOnlyList<DocumentPerson> Others) PersonLists =>
            Model.Kind == RequestDocumentKinds.Mla ? (Model.Persons, []) : LetterBuilder.SplitPersonsSought(Model.Persons);

        private IEnumerable<(string Heading, DocumentPerson Person)> RecordHeadings =>
            new[] { PersonLists.Sought, PersonLists.Others }.SelectMany(list =>
                list.Select((person, i) => (list.Count > 1 ? $"{i + 1}. {person.FullName}" : person.FullName, person)));

        /// <summary>A section heading (bold, larger than the body), the title, or a person's name over their record.</summary>
        public bool IsHeading(PdfLine line) =>
            line.AllBold && (line.Size >= 11 || (line.Segments.Count == 1 && IsRecordHeading(line)));

        /// <summary>The page on which the whole of <paramref name="text"/> is found, or null.</summary>
        public int? PageOf(string text) => Pages.FirstOrDefault(p => p.SquashedBody.Contains(Expect(text), StringComparison.Ordinal))?.Number;

        /// <summary>Text under a heading on the heading's page, down to the next heading, read column by column
        /// (all labels, then all values) so that a value wrapped beside its label reads in one piece.</summary>
        public string? BlockUnder(string heading)
        {
            var expected = Expect(heading);
            foreach (var page in Pages)
            {
                var start = page.Body.ToList().FindIndex(l => IsHeading(l) && l.Squashed == expected);
                if (start >= 0)
                {
                    return string.Concat(page.Body.Skip(start + 1).TakeWhile(l => !IsHeading(l))
                        .SelectMany((line, order) => line.Segments.Select(segment => (segment, order)))
                        .OrderBy(s => Math.Round(s.segment.X)).ThenBy(s => s.order)
                        .Select(s => s.segment.Squashed));
                }
            }

            return null;
        }

        /// <summary>Blocks that must never be split from their heading, with the values they hold.</summary>
        public IEnumerable<(string Heading, IReadOnlyList<string> Values)> Blocks()
        {
            foreach (var (heading, person) in RecordHeadings)
            {
                yield return (heading, [.. new[]
                {
                    Wording.Code("role", person.RoleCode),
                    person.Nationality ?? (person.NationalityIso3 is null ? null : Wording.StateName(person.NationalityIso3)),
                    person.DateOfBirth is { } born ? Wording.FormatDate(born) : null,
                    person.Location,
                    person.IdentityDocument,
                }.OfType<string>()]);
            }

            if (Model.ExtraditionWarrant is { } warrant)
            {
                yield return (SectionHeading("section.warrant"), [warrant.IssuingAuthority, Wording.FormatDate(warrant.Date!.Value), warrant.Reference!]);
            }

            if (Model.Judgment is { } judgment)
            {
                yield return (SectionHeading("section.judgment"),
                [
                    judgment.IssuingAuthority, Wording.FormatDate(judgment.Date!.Value), judgment.Reference!,
                    Model.EnforceableSentenceProof!, Model.SentenceRemaining!, Model.RetrialInAbsentia!,
                ]);
            }
        }

        /// <summary>What the kind requires, in the order DOMAIN.md lists it.</summary>
        public IEnumerable<string> RequiredInOrder()
        {
            string[] sections = Model.Kind switch
            {
                RequestDocumentKinds.Mla => ["authorities", "legalBasis", "subject", "offences", "facts", "assistance", "persons", "purpose", "urgency", "confidentiality", "annexes", "contactOfficer"],
                RequestDocumentKinds.Extradition => ["authorities", "legalBasis", "personSought", "subject", "offences", "legalProvisions", "warrant", "facts", "judgment", "extraditionPurpose", "persons", "urgency", "confidentiality", "annexes", "contactOfficer"],
                _ => ["authorities", "legalBasis", "personSought", "extraditionUndertaking", "warrant", "judgment", "subject", "offences", "legalProvisions", "facts", "persons", "urgency", "confidentiality", "annexes", "contactOfficer"],
            };
            yield return Wording.Format("header.placeDate", ("place", Model.Place), ("date", Wording.FormatDate(Model.Date)));
            yield return Wording[$"document.title.{Model.Kind}"];
            yield return Model.ReferenceNumber!;
            yield return Model.Addressee!.Name;
            foreach (var section in sections)
            {
                yield return SectionHeading($"section.{section}");
                switch (section)
                {
                    case "authorities":
                        yield return Model.RequestingCentralAuthority.Name;
                        yield return Model.InvestigatingAuthority!.Name;
                        break;
                    case "legalBasis":
                        var untoc = Model.LegalBasisArticles["untoc-2000"];
                        yield return Wording.Format("legalBasis.article", ("name", Wording.Code("legalBasis", "untoc-2000")), ("article", untoc));
                        break;
                    case "personSought":
                        yield return PersonLists.Sought[0].FullName;
                        yield return PersonLists.Sought[0].Aliases!;
                        yield return PersonLists.Sought[0].Nationality!;
                        yield return PersonLists.Sought[0].PlaceOfBirth!;
                        yield return PersonLists.Sought[0].ParentsNames!;
                        yield return PersonLists.Sought[0].PhysicalDescription!;
                        break;
                    case "legalProvisions":
                        yield return Model.LegalProvisionsText![..40];
                        break;
                    case "contactOfficer":
                        yield return Model.ContactOfficer!.Name;
                        yield return Model.ContactOfficer.Phone!;
                        yield return Model.ContactOfficer.Email!;
                        break;
                    case "persons":
                        yield return RecordHeadings.Last().Heading;
                        break;
                    case "warrant":
                        yield return Model.ExtraditionWarrant!.Reference!;
                        break;
                    case "judgment":
                        yield return Model.Judgment!.Reference!;
                        break;
                    case "facts":
                        yield return Model.Facts![..60];
                        break;
                    case "extraditionUndertaking":
                        yield return Wording.Format("text.extraditionWillBeRequestedWithin", ("days", "40"));
                        break;
                    case "annexes":
                        yield return AnnexTitles.Title(Model.Annexes[0], Model.Language);
                        yield return AnnexTitles.Title(Model.Annexes[^1], Model.Language);
                        break;
                }
            }

            yield return Wording["closing.formula"];
            yield return Model.Signatory.Name;
        }

        /// <summary>The boundary conditions this document met, read from where things landed.</summary>
        public IEnumerable<Boundary> BoundaryConditions()
        {
            var decisions = new[] { SectionHeading("section.warrant"), SectionHeading("section.judgment") }.Select(Expect).ToHashSet();
            for (var p = 1; p < Pages.Count; p++)
            {
                var previous = Pages[p - 1].Body;
                var room = _frame.BodyBottom - previous[^1].Baseline;
                var first = Pages[p].Body.SkipWhile(l => l.Text.EndsWith(Continued, StringComparison.Ordinal)).FirstOrDefault();
                if (first is null)
                {
                    continue;
                }

                if (IsHeading(first) && first.Size >= 11 && room >= 45)
                {
                    yield return Boundary.HeadingMovedToNextPage;
                    if (decisions.Contains(first.Squashed))
                    {
                        yield return Boundary.DecisionMovedToNextPage;
                    }
                }

                if (IsRecordHeading(first) && room >= 32)
                {
                    yield return Boundary.PersonRecordMovedToNextPage;
                }

                if (Expect(Wording["closing.formula"]).StartsWith(first.Squashed, StringComparison.Ordinal) && room >= 40)
                {
                    yield return Boundary.ClosingFormulaMovedWithSignature;
                }
            }

            if (Pages.Any(p => p.Body.Any(l => IsHeading(l) && l.Text.EndsWith(Continued, StringComparison.Ordinal))))
            {
                yield return Boundary.HeadingRepeated;
            }

            foreach (var page in Pages)
            {
                foreach (var (line, next) in Continuations(page))
                {
                    // The next line starts with a run joined by no-break spaces whose first part would have fitted at the
                    // end of this line: a wrapper breaking at any space would have cut the number there.
                    var run = next.Text.Split(' ')[0];
                    var cut = run.IndexOfAny([TextNormaliser.NoBreakSpace, TextNormaliser.NarrowNoBreakSpace]);
                    if (line.Size == Typography.Body.Size && !line.Bold && cut > 0 && char.IsDigit(run[cut - 1])
                        && line.Right + Typography.Body.Measure(" " + run[..cut]) <= _frame.Right)
                    {
                        yield return Boundary.NumberMovedToNextLine;
                    }
                }
            }
        }

        private bool IsRecordHeading(PdfLine line) =>
            line.AllBold && RecordHeadings.Any(r => line.Squashed == Expect(r.Heading) || line.Squashed == Expect($"{r.Heading} {Continued}"));

        private string SectionHeading(string key)
        {
            var title = Expect(Wording[key]);
            return Pages.SelectMany(p => p.Body).Where(l => l.AllBold && l.Size >= 11).Select(l => l.Text)
                .FirstOrDefault(t => PdfText.Squash(t).EndsWith(title, StringComparison.Ordinal) && char.IsDigit(t[0]))
                ?? Wording[key];
        }
    }
}
