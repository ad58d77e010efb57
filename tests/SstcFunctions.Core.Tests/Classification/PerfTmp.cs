using SstcFunctions.Core.Classification;
namespace SstcFunctions.Core.Tests.Classification;
public class PerfTmp { [Fact] public void Perf() {
  var t="PROMOTING THE INCLUSION OF VULNERABLE POPULATIONS IN TVET THROUGH SSTC"; var d="Technical and Vocational Education and Training (TVET) institutions in Argentina, Brasil, Costa Rica,  Guatemala, México, Nicaragua, El Salvador, Honduras, Panamá, and Dominican Republic will exchange experiences and knowledge on how to take actions to eliminate barriers to the inclusion of vulnerable populations in training programs. Innovative modalities, such as digital technologies and distance learning, will be explored as instruments to promote inclusion of youth, women and returnees and as a way to adapt TVET to social distancing restrictions imposed by COVID-19.";
  var r = new System.Text.StringBuilder();
  void Time(string name, Action a){ a(); var sw=System.Diagnostics.Stopwatch.StartNew(); for(int i=0;i<2000;i++) a(); r.AppendLine($"{name} {sw.ElapsedMilliseconds}"); }
  Time("tokenize", () => FoldedText.Tokenize(d));
  Time("countries", () => CountryMatcher.Default.Find(d));
  Time("topics", () => TopicTaxonomy.Default.Classify(t, d));
  Time("activities", () => LabelCatalog.Activities.Classify(t, d));
  Time("outcomes", () => OutcomeCatalog.Default.ParseLabels(d));
  Time("outline", () => OutcomeCatalog.Default.Parse("Outcome 5: Skills"));
  Time("region", () => RegionCatalog.Default.Match("AFRICA"));
  System.IO.File.WriteAllText("/tmp/perf.txt", r.ToString()); } }
