#!/usr/bin/env python3
"""The README's C++ example is tests/engine/readme_example.cpp, which the
suite builds and runs: this checks that the two say the same thing."""
import sys

readme, example = sys.argv[1], sys.argv[2]
text = open(readme, encoding="utf-8").read()
start = text.index("```cpp\n#include <iostream>") + len("```cpp\n")
block = text[start:text.index("```\n", start)]
code = open(example, encoding="utf-8").read()
body = code[code.index("#include <iostream>"):]
if block != body:
    print("README's example and tests/engine/readme_example.cpp differ")
    sys.exit(1)
print("1 passed, 0 failed")
