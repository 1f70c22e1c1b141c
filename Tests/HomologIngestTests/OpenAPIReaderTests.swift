import Foundation
import HomologIngest
import HomologModel
import XCTest

final class OpenAPIReaderTests: XCTestCase {
  private func read(_ name: String) throws -> ApiDescription {
    let url = Fixtures.real("openapi/\(name)")
    XCTAssertTrue(OpenAPIReader.sniff(try XCTUnwrap(FileHead.read(url))), "\(name) not detected")
    return try XCTUnwrap(OpenAPIReader.read(Fixtures.input(url)).api)
  }

  private func describe(_ text: String, name: String = "api.yaml") throws -> ApiDescription {
    let input = try Fixtures.temporary(text, name: name)
    XCTAssertTrue(OpenAPIReader.sniff(try XCTUnwrap(FileHead.read(input.url))), "not detected")
    return try XCTUnwrap(OpenAPIReader.read(input).api)
  }

  // Facts in SOURCES.md (openapi section).
  func testPetstore30IsValid() throws {
    let api = try read("oai-petstore-3.0.yaml")
    XCTAssertEqual(api, ApiDescription(specVersion: "openapi 3.0.0", title: "Swagger Petstore", pathCount: 2, problems: []))
  }

  func testPetstoreSwagger20HasAPathParameterNotMarkedRequired() throws {
    let api = try read("oai-petstore-swagger-2.0.json")
    XCTAssertEqual(api.specVersion, "swagger 2.0")
    XCTAssertEqual(api.title, "Swagger Petstore")
    XCTAssertEqual(api.pathCount, 2)
    // Swagger 2.0: a parameter "in": "path" must state "required": true; petId of this example does not.
    XCTAssertEqual(api.problems, [#"line 87: path parameter "petId" of GET /pets/{petId} is not marked required: true"#])
  }

  func testWebhookExample31IsValid() throws {
    let api = try read("oai-webhook-example-3.1.yaml")
    XCTAssertEqual(api, ApiDescription(specVersion: "openapi 3.1.0", title: "Webhook Example", pathCount: 1, problems: []))
  }

  func testStructuralProblemsAreListedWithTheirLines() throws {
    let api = try describe(
      """
      openapi: 3.0.3
      info:
        description: no title, no version
      paths:
        pets:
          get:
            operationId: listPets
            responses:
              '200':
                description: ok
        /pets/{petId}:
          get:
            operationId: listPets
          post:
            operationId: addPet
            responses: {}
        x-internal: true
      """)
    XCTAssertEqual(api.pathCount, 2)
    XCTAssertNil(api.title)
    XCTAssertFalse(api.isValid)
    XCTAssertEqual(
      api.problems,
      [
        "line 3: missing info.title",
        "line 3: missing info.version",
        #"line 5: path "pets" does not start with /"#,
        "line 13: operation GET /pets/{petId} has no responses",
        #"line 13: duplicate operationId "listPets" (first at line 7)"#,
        #"line 13: path parameter "petId" of GET /pets/{petId} is not declared"#,
        "line 16: operation POST /pets/{petId} has no response in responses",
        #"line 15: path parameter "petId" of POST /pets/{petId} is not declared"#,
      ])
  }

  func testMissingInfoAndPathsAndUnknownVersion() throws {
    let api = try describe(#"{"swagger": "1.2", "basePath": "/v1", "info": {"title": "Old", "version": "1"}}"#, name: "old.json")
    XCTAssertEqual(api.specVersion, "swagger 1.2")
    XCTAssertEqual(api.problems, [#"line 1: swagger version "1.2" is not 2.0"#, "line 1: missing paths"])
  }

  func testOpenAPI31AllowsComponentsWithoutPathsAndOperationsWithoutResponses() throws {
    let api = try describe(
      """
      openapi: 3.1.0
      info: {title: t, version: '1'}
      components:
        schemas: {}
      webhooks:
        ping:
          post: {}
      """)
    XCTAssertEqual(api.problems, [])
    XCTAssertEqual(api.pathCount, 0)
  }

  func testTabIndentedJSONIsRead() throws {
    let api = try describe("{\n\t\"openapi\": \"3.0.1\",\n\t\"info\": {\"title\": \"T\", \"version\": \"1\"},\n\t\"paths\": {}\n}", name: "tabs.json")
    XCTAssertEqual(api, ApiDescription(specVersion: "openapi 3.0.1", title: "T", pathCount: 0, problems: []))
  }

  func testJSONEscapesAreRead() throws {
    let json = #"{"openapi":"3.0.0","info":{"title":"Caf\u00e9 \/ API","version":"1"},"paths":{"\/a":{}}}"#
    let api = try describe(json, name: "escapes.json")
    XCTAssertEqual(api.title, "Café / API")
    XCTAssertEqual(api.pathCount, 1)
    XCTAssertEqual(api.problems, [])
  }

  // Invalid documents are read (problems are evidence); unreadable ones are errors with file and line.
  func testUnparsableYAMLNamesFileAndLine() throws {
    let input = try Fixtures.temporary("openapi: 3.0.0\ninfo:\n  title: [unclosed\npaths: {}\n", name: "broken.yaml")
    XCTAssertThrowsError(try OpenAPIReader.read(input)) { error in
      let error = error as! InputError
      XCTAssertEqual(error.location?.file, "broken.yaml")
      XCTAssertNotNil(error.location?.line)
      XCTAssertTrue(error.message.hasPrefix("invalid YAML"), error.message)
    }
  }

  func testKubernetesManifestsAreNotOpenAPI() throws {
    for url in Fixtures.realFiles("kubernetes") {
      XCTAssertFalse(OpenAPIReader.sniff(try XCTUnwrap(FileHead.read(url))), url.lastPathComponent)
    }
  }
}
