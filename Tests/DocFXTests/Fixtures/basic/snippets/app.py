import os
print(1)
print(2)
# <main>
x = 3
y = 4
# </main>
