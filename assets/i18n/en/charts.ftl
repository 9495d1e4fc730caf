# migreview: charts texts (en).
