import HomologModel

/// Every scanned image runs on an operating system that still receives security updates.
public struct ImageBaseSupportedCheck: Check {
  public static let doc = CheckDoc(
    id: "image.base-supported", title: "Base images on a supported operating system (not end of service life)",
    rationale: "EXI-ARCH-6: the base image is chosen to keep vulnerability detection meaningful; an EOSL OS gets no fixes.",
    reads: [.images])

  public init() {}

  public func evaluate(_ evidence: EvidenceSet) -> CheckResult {
    var observations: [Observation] = []
    var files: [String] = []
    var seen = Set<String>()
    var failed = false
    for file in evidence.files where !file.images.isEmpty {
      files.append(file.id)
      for image in file.images where seen.insert("\(image.name)|\(image.osFamily ?? "")|\(image.osName ?? "")").inserted {
        let os = [image.osFamily, image.osName].compactMap { $0 }.joined(separator: " ")
        let args = [MessageArg("image", image.name), MessageArg("os", os.isEmpty ? "?" : os)]
        if image.endOfLife {
          failed = true
          observations.append(Observation(Message("image.eosl", args), problem: true, severity: .high, evidence: file.id))
        } else {
          observations.append(Observation(Message("image.supported", args), problem: false, evidence: file.id))
        }
      }
    }
    guard !files.isEmpty else { return result(.noEvidence) }
    let count = MessageArg("count", "\(seen.count)")
    return result(failed ? .fail : .pass, [count], observations: observations, evidence: files)
  }
}
