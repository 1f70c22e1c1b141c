import HomologModel

/// Every scanned image runs on an operating system release that still has free security support at the evaluation date,
/// judged from the shipped end-of-life table, never from the scanner's own end-of-life flag.
public struct ImageBaseSupportedCheck: Check {
  public static let doc = CheckDoc(
    id: "image.base-supported", title: "Base images on a supported operating system (not end of service life)",
    rationale: "EXI-ORG-13 (vulnerabilities remediated): an OS past its end of support gets no security fixes, so an image's vulnerability scan stops "
      + "meaning anything. Judged at the evaluation date (`--as-of`) from the dated end-of-life table shipped with homolog "
      + "(endoflife.date copies, commit and date in `data/eol/SOURCES.md`), never from the scanner's EOL flag (Grype sets "
      + "none; Trivy's is as of its scan). The date that counts is the end of free security support (`eol`; for Debian the "
      + "end of Debian LTS, free and run by the Debian project); paid extended support (Ubuntu ESM, RHEL ELS, SLES LTSS, "
      + "Oracle Extended Support: `eoes`) is reported, not counted. Red Hat UBI images follow their RHEL release; a "
      + "distroless image named `…/distroless/*-debianN` is Debian N when the scanner reports debian without a version. "
      + "A family or release the table does not know, or CentOS 8 when Linux and Stream disagree, gives no evidence, "
      + "never \"maintained\".",
    reads: [.images])

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    let day = evidence.asOf
    var observations: [Observation] = []
    var files: [String] = []
    var seen = Set<String>()
    var failed: [String] = []
    var undetermined: [String] = []
    for file in evidence.files where !file.images.isEmpty {
      files.append(file.id)
      for image in file.images where seen.insert("\(image.name)|\(image.osFamily ?? "")|\(image.osName ?? "")").inserted {
        let os = [image.osFamily, image.osName].compactMap { $0 }.joined(separator: " ")
        let named = "\(image.name.isEmpty ? "?" : image.name) (\(os.isEmpty ? "?" : os))"
        let judged = judge(image, os: os.isEmpty ? "?" : os, at: day, evidence: file.id)
        observations += judged.observations
        switch judged.status {
        case .ended: failed.append(named)
        case .maintained: break
        case .notYetReleased, .ambiguous, .unknown: undetermined.append(named)
        }
      }
    }
    guard !files.isEmpty else { return result(.noEvidence) }
    let common = [MessageArg("count", "\(seen.count)"), MessageArg("asOf", day.description)]
    if !failed.isEmpty {
      return result(
        .fail, common + [MessageArg("failed", "\(failed.count)"), MessageArg("images", failed.joined(separator: ", "))],
        observations: observations, evidence: files)
    }
    if !undetermined.isEmpty {
      return CheckResult(
        id: id, outcome: .noEvidence,
        summary: Message("\(id).undetermined", common + [MessageArg("images", undetermined.joined(separator: ", "))]),
        observations: observations, evidence: files)
    }
    return result(.pass, common + [MessageArg("source", Self.tableCitation)], observations: observations, evidence: files)
  }

  /// `endoflife.date @ a70eca33 (2026-08-22)`: the table as a whole.
  static var tableCitation: String { "endoflife.date @ \(OSEndOfLifeTable.commit.prefix(8)) (\(OSEndOfLifeTable.date))" }

  /// The status of one image and the observations that say it.
  private func judge(_ image: ImageInfo, os: String, at day: Day, evidence: String) -> (
    status: OSSupportStatus, observations: [Observation]
  ) {
    let resolution = OSReleaseResolver.resolve(image)
    let status = OSSupportStatus.judge(resolution.entries, at: day)
    let base = [MessageArg("image", image.name.isEmpty ? "?" : image.name), MessageArg("os", os)]
    func note(_ key: String, _ args: [MessageArg], problem: Bool = false) -> Observation {
      Observation(Message(key, base + args), problem: problem, severity: problem ? .high : nil, evidence: evidence)
    }
    var observations: [Observation] = []
    if let release = resolution.releaseFromImageName {
      observations.append(note("image.os-release-from-name", [MessageArg("release", release)]))
    }
    switch status {
    case .ended(let entry):
      let cited = [MessageArg("support", entry.product.supportLabel), MessageArg("source", entry.product.citation)]
      if let end = entry.release.supportEnd.day {
        observations.append(note("image.os-end-of-life", cited + [MessageArg("end", end.description)], problem: true))
      } else {
        observations.append(note("image.os-ended", cited, problem: true))
      }
      observations += paidSupport(entry, note: note)
    case .maintained(let entry):
      let cited = [MessageArg("support", entry.product.supportLabel), MessageArg("source", entry.product.citation)]
      if let end = entry.release.supportEnd.day {
        observations.append(note("image.os-maintained", cited + [MessageArg("end", end.description)]))
      } else {
        observations.append(note("image.os-maintained-no-end", cited))
      }
      observations += paidSupport(entry, note: note)
    case .notYetReleased(let entry):
      let released = entry.release.released?.description ?? "?"
      observations.append(note("image.os-not-yet-released", [MessageArg("released", released), MessageArg("asOf", day.description)]))
    case .ambiguous(let entries):
      let releases = entries.map { "\($0.name) (\($0.release.supportEnd.day?.description ?? "?"))" }.joined(separator: ", ")
      observations.append(note("image.os-ambiguous-release", [MessageArg("releases", releases), MessageArg("asOf", day.description)]))
    case .unknown:
      observations.append(note("image.os-unknown-release", [MessageArg("source", Self.tableCitation)]))
    }
    if image.endOfLife {
      observations.append(note("image.scanner-eosl", []))
    }
    return (status, observations)
  }

  /// The paid extended support of a release, reported and not judged.
  private func paidSupport(_ entry: OSTableEntry, note: (String, [MessageArg], Bool) -> Observation) -> [Observation] {
    guard let label = entry.product.paidSupportLabel, let end = entry.release.paidSupportEnd?.day else { return [] }
    return [note("image.os-paid-support", [MessageArg("support", label), MessageArg("end", end.description)], false)]
  }
}
