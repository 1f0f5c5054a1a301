#include "cli/app.h"

int main(int argc, char** argv) { return lineage::cli::Main(argc, argv); }
