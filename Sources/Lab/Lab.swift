/// Lab: the article's claims as experiments, the gallery and the reports.
public enum Lab {}
