import HomologParsing

// The parts of a Trivy result homolog uses, read from values captured while streaming (one
// vulnerability, misconfiguration, secret or license at a time). Field names are Trivy's.
// swiftlint:disable identifier_name

/// One result (a target) of a Trivy report, with the items it lists.
struct TrivyResult {
  /// What scopes and images need of a result once its items are reported.
  struct Summary {
    var Target: String?
    var `Type`: String?
    var Class: String?
    var hasVulnerabilities = false
  }

  struct Vulnerability {
    var VulnerabilityID: String
    var PkgName: String?
    var InstalledVersion: String?
    var FixedVersion: String?
    var Title: String?
    var Severity: String?
    var CweIDs: [String]?

    static let keys = JSONKeySet(["VulnerabilityID", "PkgName", "InstalledVersion", "FixedVersion", "Title", "Severity", "CweIDs"])

    init(_ value: JSONValue) throws(JSONShapeError) {
      // Every field set first, then filled in one pass over the members, keys compared as bytes
      // (the hot path of large reports: no array of fields allocated per vulnerability).
      VulnerabilityID = ""
      var id: String?
      try value.forEachMember { (key, member) throws(JSONShapeError) in
        do throws(JSONShapeError) {
          if JSONKeySet.equal(key, "VulnerabilityID") {
            id = try member.asString()
          } else if JSONKeySet.equal(key, "PkgName") {
            PkgName = try member.asString()
          } else if JSONKeySet.equal(key, "InstalledVersion") {
            InstalledVersion = try member.asString()
          } else if JSONKeySet.equal(key, "FixedVersion") {
            FixedVersion = try member.asString()
          } else if JSONKeySet.equal(key, "Title") {
            Title = try member.asString()
          } else if JSONKeySet.equal(key, "Severity") {
            Severity = try member.asString()
          } else if JSONKeySet.equal(key, "CweIDs") {
            CweIDs = try member.asStrings()
          }
        } catch {
          throw error.prefixed(by: [.key(String(decoding: key, as: UTF8.self))])
        }
      }
      guard let id else { throw JSONShapeError.missing("VulnerabilityID") }
      VulnerabilityID = id
    }
  }

  struct Misconfiguration {
    struct Cause {
      var StartLine: Int?
      var EndLine: Int?
    }
    var ID: String?
    var AVDID: String?
    var Title: String?
    var Message: String?
    var Severity: String?
    var Status: String?
    var CauseMetadata: Cause?

    static let keys = JSONKeySet(["ID", "AVDID", "Title", "Message", "Severity", "Status", "CauseMetadata"])

    init(_ value: JSONValue) throws(JSONShapeError) {
      ID = try value.string("ID")
      AVDID = try value.string("AVDID")
      Title = try value.string("Title")
      Message = try value.string("Message")
      Severity = try value.string("Severity")
      Status = try value.string("Status")
      if try value.object("CauseMetadata") != nil {
        CauseMetadata = Cause(StartLine: try value.int("CauseMetadata", "StartLine"), EndLine: try value.int("CauseMetadata", "EndLine"))
      }
    }
  }

  struct Secret {
    var RuleID: String?
    var Title: String?
    var Severity: String?
    var StartLine: Int?
    var EndLine: Int?

    static let keys = JSONKeySet(["RuleID", "Title", "Severity", "StartLine", "EndLine"])

    init(_ value: JSONValue) throws(JSONShapeError) {
      RuleID = try value.string("RuleID")
      Title = try value.string("Title")
      Severity = try value.string("Severity")
      StartLine = try value.int("StartLine")
      EndLine = try value.int("EndLine")
    }
  }

  struct License {
    var Severity: String?
    var Category: String?
    var PkgName: String?
    var FilePath: String?
    var Name: String?

    static let keys = JSONKeySet(["Severity", "Category", "PkgName", "FilePath", "Name"])

    init(_ value: JSONValue) throws(JSONShapeError) {
      Severity = try value.string("Severity")
      Category = try value.string("Category")
      PkgName = try value.string("PkgName")
      FilePath = try value.string("FilePath")
      Name = try value.string("Name")
    }
  }

  var Target: String?
  var `Type`: String?
  var Class: String?
  var Vulnerabilities: [Vulnerability] = []
  var Misconfigurations: [Misconfiguration] = []
  var Secrets: [Secret] = []
  var Licenses: [License] = []
  /// Vulnerabilities counted, not kept (count mode).
  var countedVulnerabilities = false

  var summary: Summary {
    Summary(Target: Target, Type: `Type`, Class: Class, hasVulnerabilities: !Vulnerabilities.isEmpty || countedVulnerabilities)
  }
}
