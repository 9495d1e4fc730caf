# migreview: assess texts (ru).
