// yajl 2.1's push parser (libyajl-dev); pkg-config's include dir is /usr/include/yajl.
#include <yajl/yajl_parse.h>
