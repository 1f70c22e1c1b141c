/* bench/floors/xml_floor.c: the C floor for homolog's XML readers.
 *
 * libxml2's SAX2 push parser, set up as homolog's XMLStreamParser sets it up (xmlCreatePushParserCtxt,
 * xmlCtxtUseOptions with XML_PARSE_NONET only, the file read in 256 KiB chunks), with a single
 * startElementNs callback that counts elements. No reader can be faster than this with libxml2.
 *
 * Build: cc -O2 -o xml_floor xml_floor.c $(pkg-config --cflags --libs libxml-2.0)
 * Usage: xml_floor FILE   prints the element count; exit 2 on malformed XML or an unreadable file.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <libxml/parser.h>

#define CHUNK (1 << 18) /* FileInput.chunkSize in HomologParsing */

static void start_element(void *context, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                          int namespace_count, const xmlChar **namespaces, int attribute_count,
                          int defaulted_count, const xmlChar **attributes) {
  (void)localname; (void)prefix; (void)uri; (void)namespace_count; (void)namespaces;
  (void)attribute_count; (void)defaulted_count; (void)attributes;
  ++*(unsigned long *)context;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: xml_floor FILE\n");
    return 2;
  }
  int descriptor = open(argv[1], O_RDONLY);
  if (descriptor < 0) {
    perror(argv[1]);
    return 2;
  }
  static char buffer[CHUNK];
  unsigned long elements = 0;
  xmlSAXHandler sax = {0};
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = start_element;
  xmlParserCtxtPtr context = xmlCreatePushParserCtxt(&sax, &elements, NULL, 0, argv[1]);
  if (context == NULL) return 2;
  xmlCtxtUseOptions(context, XML_PARSE_NONET);
  ssize_t count;
  int status = 0;
  while (status == 0 && (count = read(descriptor, buffer, CHUNK)) > 0) {
    status = xmlParseChunk(context, buffer, (int)count, 0);
  }
  if (status == 0) status = xmlParseChunk(context, NULL, 0, 1);
  int well_formed = context->wellFormed;
  if (context->myDoc != NULL) xmlFreeDoc(context->myDoc);
  xmlFreeParserCtxt(context);
  close(descriptor);
  if (status != 0 || !well_formed) {
    fprintf(stderr, "%s: malformed XML (libxml2 error %d)\n", argv[1], status);
    return 2;
  }
  printf("%lu elements\n", elements);
  return 0;
}
