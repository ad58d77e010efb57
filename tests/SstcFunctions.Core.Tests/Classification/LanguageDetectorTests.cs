using SstcFunctions.Core.Classification;

namespace SstcFunctions.Core.Tests.Classification;

public class LanguageDetectorTests
{
    private static string? Detect(string text) => LanguageDetector.Default.Detect(text)?.Language;

    [Theory]
    [InlineData("The project will strengthen the capacity of the public employment services of Ethiopia and Kenya.", "en")]
    [InlineData("El proyecto fortalecerá la capacidad de los servicios públicos de empleo de Etiopía y Kenia.", "es")]
    [InlineData("Le projet renforcera les capacités des services publics de l'emploi de l'Éthiopie et du Kenya.", "fr")]
    [InlineData("EL PROYECTO FORTALECERÁ LAS CAPACIDADES DE LOS SERVICIOS DE EMPLEO CON EL APOYO DEL BRASIL", "es")]
    [InlineData("Des experts du Brésil et de l'Argentine partageront leurs expériences avec les mandants du Mozambique.", "fr")]
    [InlineData("Expertos del Brasil y de la Argentina compartirán sus experiencias con los mandantes de Mozambique.", "es")]
    public void Function_words_tell_the_language(string text, string language)
    {
        Assert.Equal(language, Detect(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Brasil")]
    [InlineData("SSTC 2020-2021")]
    [InlineData("de la")]
    public void Too_little_text_decides_nothing(string text)
    {
        Assert.Null(Detect(text));
    }

    [Fact]
    public void The_guess_tells_its_evidence()
    {
        var guess = LanguageDetector.Default.Detect("Les travailleurs et les employeurs de la région participeront aux ateliers.");
        Assert.NotNull(guess);
        Assert.Equal("fr", guess.Language);
        Assert.True(guess.Evidence >= 3);
        Assert.InRange(guess.Share, 0.2, 1.0);
    }

    [Fact]
    public void Stop_word_data_is_one_word_per_entry_and_every_language_has_enough()
    {
        var data = ClassificationData.Load<LanguageDetector.LanguageData>("languages.json");
        Assert.Equal(["en", "es", "fr"], data.Languages.Select(l => l.Tag));
        Assert.All(data.Languages, l => Assert.True(l.StopWords.Count >= 30, l.Tag));
        Assert.All(data.Languages.SelectMany(l => l.StopWords), w => Assert.DoesNotContain(' ', w));
    }
}
