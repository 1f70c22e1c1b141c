// swift-tools-version:6.0
import PackageDescription

// One target per pipeline stage, so the compiler keeps the data flow one-way:
// Model <- Parsing <- Ingest / Kubernetes / Project <- Evaluate <- Render <- homolog.
let package = Package(
  name: "homolog",
  products: [
    .executable(name: "homolog", targets: ["homolog"]),
    .executable(name: "homolog-bench", targets: ["homolog-bench"]),
    .executable(name: "homolog-fuzz", targets: ["homolog-fuzz"]),
  ],
  targets: [
    .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
    .systemLibrary(name: "CLibYAJL", pkgConfig: "yajl", providers: [.apt(["libyajl-dev"])]),
    .target(name: "HomologModel"),
    .target(name: "HomologParsing", dependencies: ["HomologModel", "CLibYAML", "CLibXML2", "CLibCrypto", "CLibYAJL"]),
    .target(name: "HomologKubernetes", dependencies: ["HomologModel", "HomologParsing"]),
    .target(name: "HomologIngest", dependencies: ["HomologModel", "HomologParsing", "HomologKubernetes"]),
    .target(name: "HomologProject", dependencies: ["HomologModel", "HomologParsing"]),
    .target(name: "HomologEvaluate", dependencies: ["HomologModel", "HomologParsing", "HomologKubernetes"]),
    .target(name: "HomologResources"),
    .target(name: "HomologRender", dependencies: ["HomologModel", "HomologResources", "HomologParsing"]),
    .executableTarget(name: "homolog", dependencies: ["HomologModel", "HomologParsing", "HomologIngest", "HomologKubernetes", "HomologProject", "HomologEvaluate", "HomologRender", "HomologResources"]),
    // Reader throughput on large generated inputs: see bench/run.sh.
    .executableTarget(name: "homolog-bench", dependencies: ["HomologModel", "HomologParsing", "HomologIngest"]),
    // libFuzzer target over every reader family: see the README's "Fuzzing" section.
    .executableTarget(name: "homolog-fuzz", dependencies: ["HomologModel", "HomologParsing", "HomologIngest", "HomologProject"]),
    // What every test target shares (temporary folders removed after each test); built only for the tests.
    .target(name: "HomologTestSupport", path: "Tests/Support"),
    .testTarget(name: "HomologParsingTests", dependencies: ["HomologParsing", "HomologTestSupport"]),
    .testTarget(name: "HomologIngestTests", dependencies: ["HomologTestSupport", "HomologIngest", "HomologParsing"]),
    .testTarget(
      name: "HomologKubernetesTests",
      dependencies: ["HomologTestSupport", "HomologKubernetes", "HomologIngest", "HomologEvaluate", "HomologModel", "HomologParsing"]),
    .testTarget(name: "HomologProjectTests", dependencies: ["HomologTestSupport", "HomologProject", "HomologModel"]),
    .testTarget(name: "HomologEvaluateTests", dependencies: ["HomologTestSupport", "HomologEvaluate", "HomologProject", "HomologModel", "HomologIngest", "HomologParsing"]),
    .testTarget(name: "HomologRenderTests", dependencies: ["HomologTestSupport", "HomologRender", "HomologModel"]),
    .testTarget(name: "homologTests", dependencies: ["HomologTestSupport", "HomologRender", "HomologModel", "HomologResources"]),
  ]
)
