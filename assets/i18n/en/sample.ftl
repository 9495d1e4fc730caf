# migreview: sample texts (en).
