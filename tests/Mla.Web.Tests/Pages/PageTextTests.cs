using System.Text.Json;
using Mla.Domain;

namespace Mla.Web.Tests.Pages;

/// <summary>The pages' words exist in every language: no label falls back to its key in one of them.</summary>
public sealed class PageTextTests
{
    private static readonly string TextFolder = Path.Combine(RepositoryRoot(), "src", "Mla.Api", "Web", "Text");

    [Test]
    public void TextFiles_EveryLanguage_HasTheSameKeysAndNoEmptyText()
    {
        var languages = new[] { "fr", "en", "pt" }.ToDictionary(language => language, Load);

        foreach (var (language, entries) in languages)
        {
            Assert.That(entries.Keys, Is.EquivalentTo(languages["fr"].Keys), language);
            Assert.That(entries.Where(entry => string.IsNullOrWhiteSpace(entry.Value)).Select(entry => entry.Key), Is.Empty, language);
        }
    }

    [Test]
    public void Pages_EveryKeyTheyName_IsInTheTextFiles()
    {
        var keys = Load("fr").Keys.ToHashSet();
        var pages = Directory.GetFiles(Path.Combine(RepositoryRoot(), "src", "Mla.Api", "Pages"), "*.cshtml", SearchOption.AllDirectories);
        var named = pages
            .SelectMany(file => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), @"(?:t|text|Text)\[""([a-zA-Z]+\.[a-zA-Z.]+)""\]").Select(match => match.Groups[1].Value))
            .Distinct()
            .ToList();

        Assert.That(named, Is.Not.Empty);
        Assert.That(named.Where(key => !keys.Contains(key)), Is.Empty);
    }

    [Test]
    public void Timeline_EveryActionOfTheLifecycle_HasAPastTenseLabelApartFromItsButton()
    {
        // A timeline and the updates feed say what happened ("Transmise"), not the button that did it
        // ("Transmettre"): each action needs an event label of its own in every language.
        foreach (var language in new[] { "fr", "en", "pt" })
        {
            var entries = Load(language);
            var codes = Enum.GetValues<Mla.Domain.Lifecycle.RequestAction>().Select(action => action.ToCode()).ToList();
            Assert.That(codes.Where(code => !entries.ContainsKey($"event.{code}")), Is.Empty, language);
            Assert.That(
                codes.Where(code => code != "create-draft" && code != "register-incoming"
                    && entries.TryGetValue($"action.{code}", out var button) && button == entries[$"event.{code}"]),
                Is.Empty,
                $"{language}: event labels equal to their button");
        }
    }

    private static Dictionary<string, string> Load(string language) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(TextFolder, $"Text.{language}.json")))!;

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Mla.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Mla.sln not found above the test binaries.");
    }
}
