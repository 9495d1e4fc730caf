# migreview: assess texts (en).
