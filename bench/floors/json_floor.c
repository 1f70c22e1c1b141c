/* bench/floors/json_floor.c: the C floor for homolog's JSON readers.
 *
 * yajl 2.1's push parser with callbacks that count map keys (every other callback set and returning
 * "continue", so values are scanned as a reader would see them), UTF-8 validation on, comments and
 * multiple top-level values off (yajl's defaults), the file read in 256 KiB chunks as homolog reads it.
 *
 * Build: cc -O2 -o json_floor json_floor.c $(pkg-config --cflags --libs yajl)
 * Usage: json_floor FILE   prints the key count; exit 2 on malformed JSON or an unreadable file.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <yajl/yajl_parse.h>

#define CHUNK (1 << 18) /* FileInput.chunkSize in HomologParsing */

typedef struct {
  unsigned long keys;
  unsigned long values;
} Counts;

static int on_null(void *context) { ((Counts *)context)->values++; return 1; }
static int on_boolean(void *context, int value) { (void)value; ((Counts *)context)->values++; return 1; }
static int on_number(void *context, const char *text, size_t length) {
  (void)text; (void)length; ((Counts *)context)->values++; return 1;
}
static int on_string(void *context, const unsigned char *text, size_t length) {
  (void)text; (void)length; ((Counts *)context)->values++; return 1;
}
static int on_start_map(void *context) { (void)context; return 1; }
static int on_map_key(void *context, const unsigned char *key, size_t length) {
  (void)key; (void)length; ((Counts *)context)->keys++; return 1;
}
static int on_end_map(void *context) { (void)context; return 1; }
static int on_start_array(void *context) { (void)context; return 1; }
static int on_end_array(void *context) { (void)context; return 1; }

static const yajl_callbacks callbacks = {
  on_null, on_boolean, NULL, NULL, on_number, on_string,
  on_start_map, on_map_key, on_end_map, on_start_array, on_end_array,
};

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: json_floor FILE\n");
    return 2;
  }
  int descriptor = open(argv[1], O_RDONLY);
  if (descriptor < 0) {
    perror(argv[1]);
    return 2;
  }
  static unsigned char buffer[CHUNK];
  Counts counts = {0, 0};
  yajl_handle handle = yajl_alloc(&callbacks, NULL, &counts);
  if (handle == NULL) return 2;
  yajl_status status = yajl_status_ok;
  ssize_t count;
  while (status == yajl_status_ok && (count = read(descriptor, buffer, CHUNK)) > 0) {
    status = yajl_parse(handle, buffer, (size_t)count);
  }
  if (status == yajl_status_ok) status = yajl_complete_parse(handle);
  close(descriptor);
  if (status != yajl_status_ok) {
    unsigned char *message = yajl_get_error(handle, 0, NULL, 0);
    fprintf(stderr, "%s: malformed JSON: %s\n", argv[1], (char *)message);
    yajl_free_error(handle, message);
    yajl_free(handle);
    return 2;
  }
  yajl_free(handle);
  printf("%lu keys, %lu scalar values\n", counts.keys, counts.values);
  return 0;
}
