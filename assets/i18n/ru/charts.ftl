# migreview: charts texts (ru).
