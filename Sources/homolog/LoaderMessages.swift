import HomologModel

extension InputError {
  /// A loader's error told in the run's language when it carries its message by key (homolog.yaml, declarations,
  /// paths); a reader's diagnostic about a scanner file's content has none and stays as written (English).
  var inRunLanguage: InputError {
    guard !localized, let problem else { return self }
    return Terminal.inputError(problem, at: location)
  }
}
