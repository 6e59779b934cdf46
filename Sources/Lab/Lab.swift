/// Lab: the article's claims as experiments, the gallery of every function, and the reports.
///
/// - ``Experiments``: the article's claims as ``Experiment``s, each returning an ``ExperimentResult``
///   (checks with a verdict, measured numbers, tables, charts); ``LabReport`` writes them all as one site.
/// - ``FunctionCharts``: the SVG chart of one function (f, f′ or both), or several overlaid.
/// - ``Gallery``: one card per catalog entry, grouped by family, as a static offline HTML page.
/// - ``TrainingReport``: the HTML page of a training run, from plain per-epoch series.
public enum Lab {}
