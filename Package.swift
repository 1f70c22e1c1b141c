// swift-tools-version:6.0
import PackageDescription

// One target per pipeline stage, so the compiler keeps the data flow one-way:
// Model <- Parsing <- Ingest / Kubernetes / Project <- Evaluate <- Render <- homolog.
let package = Package(
  name: "homolog",
  products: [
    .executable(name: "homolog", targets: ["homolog"])
  ],
  targets: [
    .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
    .target(name: "HomologModel"),
    .target(name: "HomologParsing", dependencies: ["HomologModel", "CLibYAML", "CLibXML2", "CLibCrypto"]),
    .target(name: "HomologKubernetes", dependencies: ["HomologModel", "HomologParsing"]),
    .target(name: "HomologIngest", dependencies: ["HomologModel", "HomologParsing", "HomologKubernetes"]),
    .target(name: "HomologEvaluate", dependencies: ["HomologModel", "HomologKubernetes"]),
    .executableTarget(name: "homolog", dependencies: ["HomologModel", "HomologParsing", "HomologIngest", "HomologEvaluate"]),
    .testTarget(name: "HomologParsingTests", dependencies: ["HomologParsing"]),
    .testTarget(name: "HomologIngestTests", dependencies: ["HomologIngest", "HomologParsing"]),
    .testTarget(
      name: "HomologKubernetesTests",
      dependencies: ["HomologKubernetes", "HomologIngest", "HomologEvaluate", "HomologModel", "HomologParsing"]),
  ]
)
